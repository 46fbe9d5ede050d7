/** MSAL.NET (Microsoft.Identity.Client). Azure.Identity wraps it: its markers before the SDK's are still .NET's. */
import type { Producer } from "./types.js";

export const msalDotnet: Producer = {
  name: "msal-dotnet",
  sdk: "msal-dotnet",
  markers: [
    /Microsoft\.Identity\.Client\.|\bMSAL\.[A-Za-z]{2,20}\.\d|\bMsalUiRequiredException\b/,
    // MSAL.NET's log line (`MSAL 4.47.1.0 MSAL.Desktop 4.8 …`), its broker's log tag and its aka.ms links.
    /\bMSAL \d{1,3}\.\d{1,3}\.\d{1,3}(?:\.\d{1,3})? MSAL\.[A-Za-z]{2,20}\b|\[WamBroker\]|aka\.ms\/msal-net-/,
    // MsalServiceException's own layout: the token endpoint's answer on a `ResponseBody:` line.
    /^[ \t]{0,8}ResponseBody: ?\{/m,
    // Its request handler's log lines around each acquisition (Internal/Requests/RequestBase.cs):
    // `=== Token Acquisition (ClientCredentialRequest) started:` and `… failed:`.
    /=== Token Acquisition \([A-Za-z]{2,60}\) (?:started|failed):/,
    // Its Linux browser launcher failing (MsalError.LinuxXdgOpen, `linux_xdg_open_failed`): `Unable to open a
    // web page using xdg-open, gnome-open, kfmclient …`.
    /\blinux_xdg_open_failed\b|Unable to open a web page using xdg-open, gnome-open,/,
  ],
  // MSAL4J names its exceptions the same way (com.microsoft.aad.msal4j.MsalServiceException,
  // MsalClientException): bare, they are MSAL.NET's only when no mark of Java's is in the text.
  shared: { markers: [/\bMsal(?:ServiceException|ClientException)\b/], with: ["msal-java", "java"] },
  wrappedBy: "dotnet",
  advice: "dotnet",
};
