/**
 * The Azure CLI (`az`), the Azure Developer CLI (`azd`) and the azure/login action. It wraps the SDK text
 * it prints, and suggests the command to run.
 */
import { PATTERNS } from "../../patterns.js";
import { execIf } from "../prefilter.js";
import type { Producer } from "./types.js";

export const azureCli: Producer = {
  name: "azure-cli",
  sdk: "azure-cli",
  markers: [
    // Its own ERROR lines and login advice.
    /^ERROR: (?:AADSTS\d|Please run 'az login')|Interactive authentication is needed\. Please run:|Please explicitly log in with:|To re-authenticate, please run:/m,
    // The Azure CLI and the Azure Developer CLI, and the azure/login action that runs `az`.
    /\bazure\/login@|The command failed with an unexpected error\. Here is the traceback:|\/usr\/bin\/az |Failed to connect to MSI\. Please make sure MSI|doesn't exist in cloud '|' due to error '|run `azd (?:auth )?login`|\bazd (?:auth login|login|provision|up|deploy)\b|^AzureResponseError: |Response_Status\.Status_|^msal\.broker: |Please run 'az login' to setup account/m,
    // Its wordings for a network failure, a TLS-intercepting proxy, and a certificate passed as a password.
    // The CLI run at a prompt (`PS C:\> az login`, `$ az account show`, a shell's `set -x` trace
    // `+ az …`), and its own ERROR line sending the reader to `az login`.
    /^(?:PS [A-Za-z]:\\[^\s>]{0,200}> ?|[$#+] )az [a-z]{2,20}\b|^ERROR: [^\n]{0,300}\baz login\b/m,
    // The CLI's own sign-in wordings and flags.
    /Run the command below to authenticate interactively|\bNo subscriptions found for\b|--allow-no-subscriptions\b|--use-device-code\b/,
    // The CLI's own modules and loggers (`cli.azure.cli.core.util`, `az_command_data_logger`, knack).
    /\bcli\.azure\.cli\.|\bazure[\\/.]cli[\\/.](?:core|command_modules)\b|\baz_command_data_logger\b|\bknack[\\/.]/,
    /Please ensure you have network connection\. Error detail: |This typically happens when using Azure CLI behind a proxy|--password no longer accepts a service principal certificate/,
    // azure-cli-core's sign-in wordings: auth/msal_credentials.py (`User '…' does not exist in MSAL token
    // cache`, `Interactively acquiring token for scope`), auth/util.py (`Can't find token from MSAL cache.`,
    // the Cloud Shell warning), auth/identity.py (`… Please continue the login in the web browser.`) and
    // _profile.py (`Authentication failed against tenant …`, the tenant list after it).
    /\bdoes not exist in MSAL token cache\b|Can't find token from MSAL cache\.|Please continue the login in the web browser\b|A Cloud Shell credential problem occurred\b|Interactively acquiring token for scope '|\bAuthentication failed against tenant \S|If you need to access subscriptions in the following tenants, please use|Retrieving tenants and subscriptions for the selection\b/,
  ],
  advice: "azure-cli",
  labels: [["command", "Suggested command"]],
  read(text) {
    const advice = execIf(PATTERNS.cliAdvice, text)?.[1];
    if (!advice) return {};
    return {
      command: advice
        .trim()
        .split("\n")
        .map((l) => l.trim())
        .join("\n"),
    };
  },
};
