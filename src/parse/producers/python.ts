/** azure-identity and azure-core for Python, and the older adal and msrest/msrestazure. */
import { execIfPossible } from "../../patterns.js";
import type { Producer } from "./types.js";

export const python: Producer = {
  name: "python",
  sdk: "python",
  markers: [
    // Its own exception names, links and wordings.
    /ClientAuthenticationError|azure\.core\.exceptions|azure\.identity\.|azure[\\/]identity[\\/]_|aka\.ms\/azsdk\/python\/|\.get_token(?:_info)? failed|failed to retrieve a token from the included credentials\.\s{0,4}Attempted credentials:/,
    // Python beyond azure-identity: adal, msrest/msrestazure (also its `AuthenticationError: , <oauthlib
    // error>`), Azure ML, Kusto.
    /\badal\.adal_error\b|\bAuthenticationError: , [A-Z][A-Za-z]{1,60}Error\b|\bAdalError\b|\bmsrest(?:azure)?[\\/.]|\bazureml\.|\bazure\.kusto\./,
    // The Azure Functions Python worker, and Microsoft Identity Web for Python (which wraps MSAL Python).
    /\bazure_functions_worker\b|\bms_identity_web\b/,
    // azure-core's HttpResponseError and azure-identity's pipeline wording.
    /\bHttpResponseError\b|Unexpected response from Azure Active Directory\b/,
    // azure-identity's log lines and AzureCliCredential's wording: `X.get_token succeeded`
    // (_internal/decorators.py), the chain's `DefaultAzureCredential acquired a token from
    // AzureCliCredential` (_credentials/chained.py, default.py), and NOT_LOGGED_IN in
    // _credentials/azure_cli.py (the CLI itself says `to setup account`, .NET `to set up account`).
    /\.get_token(?:_info)? succeeded\b|\b(?:DefaultAzure|ChainedToken)Credential acquired a token from [A-Z]|Please run 'az login' to set up an account\b/,
    // azure-identity's other wordings of its own: _credentials/azure_cli.py (`Failed to invoke the Azure
    // CLI`, `Unexpected output from Azure CLI: '…'`), _credentials/azure_powershell.py (the
    // execution-policy and Get-AzAccessToken wordings; its `Please run "Connect-AzAccount" to set up
    // account` is azidentity's too, so not a mark). imds.py's `ManagedIdentityCredential authentication
    // unavailable, no managed identity endpoint found.` is Python's wording too, but programs reprint it
    // as their own status line, so it is left out.
    /Failed to invoke the Azure CLI\b|Unexpected output from (?:Azure CLI: '|Get-AzAccessToken: )|Execution policy prevented invoking Azure PowerShell/,
    // The Azure SDK for Python's packages, in a traceback's path or a module name.
    /site-packages[\\/]azure[\\/]|\bazure\.(?:mgmt|storage|keyvault|cosmos|servicebus|eventhub|ai\.ml|monitor|data\.tables|search\.documents)\.[a-z_]/,
  ],
  runtime: [
    // CPython's traceback header and its frames (`File "x.py", line 12, in f`).
    /^[ \t]{0,8}Traceback \(most recent call last\):|^[ \t]{0,8}File "[^"\n]{1,400}\.py", line \d/m,
    // urllib3's and requests' own errors, which only a Python program prints.
    /\burllib3\.(?:connection|exceptions)\.|\brequests\.exceptions\.|\bMaxRetryError\(|\bNewConnectionError\(/,
    // pytest's failure lines: `E` and the assertion's indent (`E       Failed: …`).
    /^E {3,12}[A-Za-z]/m,
  ],
  advice: "python",
  // `ClientSecretCredential.get_token failed: …` names the credential.
  read(text) {
    const credential = execIfPossible("pythonGetToken", text)?.[1];
    return credential ? { credential } : {};
  },
};
