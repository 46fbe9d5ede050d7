/** Azure.Identity for .NET, ADAL.NET, and .NET hosts that authenticate with Entra (SqlClient). */
import type { Producer } from "./types.js";

export const dotnet: Producer = {
  name: "dotnet",
  sdk: "dotnet",
  markers: [
    // Its own exception names, links and wordings.
    /Azure\.Identity\.(?:AuthenticationFailedException|CredentialUnavailableException)|aka\.ms\/azsdk\/net\/|Credential authentication failed: /,
    // .NET beyond Azure.Identity: ADAL.NET, SqlClient's Entra authentication, AggregateException, and the
    // chain list's `- ` members.
    /Microsoft\.IdentityModel\.Clients\.ActiveDirectory|\bAdal(?:Service|Claim|Silent|User)?Exception\b|(?:Microsoft|System)\.Data\.SqlClient\.|\bSystem\.AggregateException\b|failed to retrieve a token from the included credentials\.(?:\r?\n|\\r\\n)- /,
  ],
  advice: "dotnet",
};
