/** Terraform's Azure providers (azurerm, azuread, azapi) and Packer's azure-arm builder, which wrap Go's text. */
import { PATTERNS } from "../../patterns.js";
import { testIf } from "../prefilter.js";
import type { Producer } from "./types.js";

export const terraform: Producer = {
  name: "terraform",
  sdk: "terraform",
  markers: [
    // Terraform and Packer around an Azure provider's error.
    /\bError:? [Bb]uilding (?:AzureRM )?[Aa]ccount\b|\b[Bb]uilding AzureRM Client\b|\bprovider\.azure(?:rm|ad)\b|provider "azure(?:rm|ad|api)"|\bazurerm_[a-z_]{1,60}\.|(?:-->|==>) azure-arm\b|\bmachine readable: azure-arm\.|\bTerraform command\b|\bterra(?:form|grunt) (?:init|plan|apply)\b|Failed to get existing workspaces|\bError refreshing state\b|\b[Bb]uilding ARM Config\b|\brequest on AzureRM |\bError loading state:|\bunable to build authorizer for Resource Manager API\b/,
    // hashicorp/go-azure-sdk's sdk/auth (the providers' authentication): NewAuthorizer's `could not configure
    // ClientSecret Authorizer: …` and `no Authorizer could be configured`, and its token request's
    // `clientCredentialsToken: received HTTP status 401 with response: …` (client_credentials.go).
    /\bcould not configure (?:ClientCertificate|ClientSecret|OIDC|GitHubOIDC|ADOPipelineOIDC|MSI|ManagedIdentity|AzureCli) Authorizer\b|\bno Authorizer could be configured\b|\bclientCredentialsToken: (?:received HTTP status|cannot request token|cannot parse response|cannot unmarshal response)/,
  ],
  // Terraform frames its diagnostics in `│ `, which parse() removes before reading; a provider's log lines
  // (`TF_LOG`) carry terraform-plugin-log's `tf_…=` fields.
  claims: (raw) =>
    testIf(PATTERNS.terraformFrame, raw) ||
    testIf(PATTERNS.terraformLogField, raw) ||
    testIf(PATTERNS.terraformDiagnostic, raw),
  // The providers are built on the Go SDK, but their users write provider blocks and ARM_* variables,
  // not Go: no SDK's API names help them, so they get the SDK-neutral text.
  advice: "terraform",
};
