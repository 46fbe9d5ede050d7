/**
 * The credential field: which Azure Identity credential type failed. Every form it takes is read here.
 */

/**
 * Chain members whose line does not name their credential (@azure/identity's DefaultAzureCredential
 * prints these), known by their wording. Checked in order; the first phrase the member holds names it.
 */
const UNNAMED_MEMBER_WORDINGS: ReadonlyArray<readonly [phrase: string, credential: string]> = [
  ["Visual Studio Code Authentication is not available", "VisualStudioCodeCredential"],
  ["Azure Developer CLI couldn't be found", "AzureDeveloperCliCredential"],
  ["Azure Developer CLI could not be found", "AzureDeveloperCliCredential"],
  ["Please run 'azd auth login'", "AzureDeveloperCliCredential"],
  ["Azure CLI could not be found", "AzureCliCredential"],
  ["Please run 'az login' from a command prompt", "AzureCliCredential"],
  ["Unable to execute PowerShell", "AzurePowerShellCredential"],
  ["Az.Accounts module", "AzurePowerShellCredential"],
  ["Please run 'Connect-AzAccount'", "AzurePowerShellCredential"],
];

/** The credential a chain member's text stands for when it does not print the credential's name. */
export function memberCredential(text: string): string | undefined {
  for (const [phrase, credential] of UNNAMED_MEMBER_WORDINGS) if (text.includes(phrase)) return credential;
  return undefined;
}
