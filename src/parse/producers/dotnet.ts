/** Azure.Identity for .NET, ADAL.NET, and .NET hosts that authenticate with Entra (SqlClient). */
import type { Producer } from "./types.js";

export const dotnet: Producer = {
  name: "dotnet",
  sdk: "dotnet",
  markers: [
    // Its own exception names, links and wordings.
    /\bAzure\.Identity\.[A-Z][A-Za-z]{2,60}\b|\bAuthenticationFailedException\b|aka\.ms\/azsdk\/net\/|Credential authentication failed: /,
    // .NET beyond Azure.Identity: ADAL.NET, SqlClient's Entra authentication, AggregateException, and the
    // chain list's `- ` members.
    /Microsoft\.IdentityModel\.Clients\.ActiveDirectory|\bAdal(?:Service|Claim|Silent|User)?Exception\b|(?:Microsoft|System)\.Data\.SqlClient\.|\bSystem\.AggregateException\b|failed to retrieve a token from the included credentials\.(?:\r?\n|\\r\\n)- /,
    // Microsoft.Azure.Services.AppAuthentication (AzureServiceTokenProvider) and its wordings, SqlClient's
    // managed identity provider, ASP.NET Core's OpenID Connect handler, Microsoft.Identity.Web (which wraps
    // MSAL.NET) and the Bot Framework SDK for .NET.
    /Microsoft\.Azure\.Services\.AppAuthentication|\bAzureServiceTokenProvider(?:Exception)?\b|Exception Message: Tried (?:the following \d{1,2} methods to get an access token|to get token using)|Received a non-retryable error\. (?:MSI|Identity) Response ?Code: |\bOpenIdConnect(?:ProtocolException|Message)\b|\bIDX\d{5}: |\bMicrosoft\.Identity\.Web\.|\bIDW\d{5}: |\bMicrosoft\.Bot\.(?:Connector|Builder)\./,
    // The Azure SDK for .NET's other namespaces and its RequestFailedException; the older `Microsoft.Azure.*`
    // client libraries (`Microsoft.Azure.Devices.…`, `Microsoft.Azure.SignalR.…`, `Microsoft.Azure.WebJobs.…`) are
    // .NET's only (Java's packages are `com.microsoft.azure`, ARM's resource types use a slash). Azure.Core builds that
    // exception's message as the service's message, then `Status: 401 (Unauthorized)` and
    // `ErrorCode: …` (then `Content:` and `Headers:` blocks); no other SDK prints a status with its reason
    // in parentheses followed by an `ErrorCode:` label.
    /(?:^[ \t>]{0,8}|\. )Status: \d{3} \([^()\r\n]{1,60}\)[ \t]{0,4}(?:\r?\n|(?:\\r)?\\n)?[ \t>]{0,8}ErrorCode: [A-Za-z]/m,
    /\bAzure\.(?:RequestFailedException|Core\.[A-Z]|Security\.KeyVault\.|Storage\.[A-Z]|Messaging\.[A-Z]|ResourceManager\.|Data\.Tables\.)|\bMicrosoft\.Azure\.[A-Z][A-Za-z]{1,40}\.[A-Z][A-Za-z]/,
    // Azure.Identity's event source (AzureIdentityEventSource.cs): `EnvironmentCredential.GetToken invoked.
    // Scopes: [ … ] ParentRequestId: …`, `… succeeded. Scopes:`, `… was unable to retrieve an access token.
    // Scopes:`. The other SDKs log getToken calls in their own words (Go's `GetToken()`, Java's `Azure
    // Identity =>`).
    /\.GetToken(?:Async)? (?:invoked|succeeded)\. Scopes: |\bwas unable to retrieve an access token\. Scopes: |\] ParentRequestId: /,
    // AzureCliCredential.cs's own messages (Java's and Python's Azure CLI credentials word these otherwise).
    /Azure CLI could not login\. Interactive login is required\.|Azure (?:Developer )?CLI authentication failed due to an unknown error\b/,
  ],
  // Azure Identity for Java names its unavailable credential's exception the same way.
  shared: { markers: [/\bCredentialUnavailableException\b/], with: ["java"] },
  runtime: [
    // .NET's own exception types (`System.Net.Http.HttpRequestException`) and a frame's source line (`in
    // C:\\src\\Program.cs:line 42`, `Program.cs:601`).
    /\bSystem\.(?:[A-Z][A-Za-z]{1,40}\.){0,4}[A-Z][A-Za-z]{0,60}Exception\b|\.cs:(?:line )?\d{1,6}\b/,
  ],
  advice: "dotnet",
};
