/**
 * Kubernetes add-ons that fetch tokens for pods (aad-pod-identity's NMI and MIC, the Secrets Store CSI
 * driver's Azure provider) and print the SDK's error inside their own log lines. They are a host, not an
 * SDK: parse() reports `host: "kubernetes"` beside the SDK whose wording the add-on prints (go-autorest's
 * `adal:` lines are Go's), and no SDK's terms reach the advice.
 */
import type { Producer } from "./types.js";

export const kubernetes: Producer = {
  name: "kubernetes",
  host: true,
  markers: [
    // Kubernetes add-ons that fetch tokens for pods: aad-pod-identity (NMI, MIC), the CSI driver's Azure provider.
    /\baad-?pod-?identity\b|\baadpodidentity\.k8s\.io\b|\bmic\.go:\d|req\.path=\/metadata\/identity|for pod: ?[\w.-]{1,63}\/|\bAzureAssignedIdentity\b|\bAzureIdentityBinding\b|MountVolume\.SetUp failed for volume|secrets-store-csi-driver|failed to mount secrets store objects|\bnmi\.go:\d/,
    // A `kubectl describe` event row: the cluster (its cloud provider, a controller) printed the error.
    /^[ \t]{0,8}(?:Warning|Normal)[ \t]{2,8}[A-Z][A-Za-z]{2,60}[ \t]{2,}/m,
  ],
};
