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
    /\baad-?pod-?identity\b|\baadpodidentity\.k8s\.io\b|\bmic\.go:\d|req\.path=\/metadata\/identity|for pod: ?[\w.-]{1,63}\/|\bAzureAssignedIdentity\b|\bAzureIdentityBinding\b|MountVolume\.SetUp failed for volume|secrets-store-csi-driver|failed to mount secrets store objects|\bnmi\.go:\d/,
    // A `kubectl describe` event row: the cluster (its cloud provider, a controller) printed the error.
    /^[ \t]{0,8}(?:Warning|Normal)[ \t]{2,8}[A-Z][A-Za-z]{2,60}[ \t]{2,}/m,
  ],
};
