/**
 * Kubernetes add-ons that fetch tokens for pods (aad-pod-identity's NMI and MIC, the Secrets Store CSI
 * driver's Azure provider) and print the SDK's error inside their own log lines. They are not an SDK:
 * no SDK's advice applies, so no `sdk` is reported.
 */
import type { Producer } from "./types.js";

export const kubernetes: Producer = {
  name: "kubernetes",
  markers: [
    // Kubernetes add-ons that fetch tokens for pods: aad-pod-identity (NMI, MIC), the CSI driver's Azure provider.
    /\baad-?pod-?identity\b|\baadpodidentity\.k8s\.io\b|\bmic\.go:\d|req\.path=\/metadata\/identity|for pod:[\w.-]{1,63}\/|\bAzureAssignedIdentity\b|\bAzureIdentityBinding\b|MountVolume\.SetUp failed for volume|secrets-store-csi-driver|\bnmi\.go:\d/,
  ],
};
