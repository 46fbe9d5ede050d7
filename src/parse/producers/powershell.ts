/**
 * Azure PowerShell (Az), the AzureAD, MSOnline, Microsoft.Graph and Exchange Online modules. An error
 * record wraps the .NET text it holds: its trailer (`+ CategoryInfo`, `FullyQualifiedErrorId`) after
 * .NET's message makes the text PowerShell's.
 */
import { PATTERNS } from "../../patterns.js";
import { execIf } from "../prefilter.js";
import type { Producer } from "./types.js";

export const powershell: Producer = {
  name: "powershell",
  sdk: "powershell",
  markers: [
    // An Az cmdlet opening a record, and the record's fields.
    /^[A-Z][a-z]{1,20}-Az[A-Za-z]{1,40} ?: |\+ CategoryInfo|FullyQualifiedErrorId/m,
    // PowerShell: an Azure module's cmdlet opening a record or named in it, and its record fields.
    /^[_*]{0,2}(?:Connect|Disconnect|Get|Set|New|Remove|Invoke|Add|Update|Import|Export|Test|Register|Start|Stop)-(?:Az|AzureAD|AzureRm|Msol|Mg|PnP|Exo|Exchange|Sql|PowerBI|Teams|SPO|Msal)[A-Za-z]{0,40} ?: |(?:^|##\[command\]|\{|\+ )Connect-(?:AzAccount|AzureAD|AzureRmAccount|MsolService|MgGraph|ExchangeOnline|PnPOnline|PowerBIServiceAccount)\b|Unable to acquire token for tenant '[^'\n]{1,200}' with error|\bSystem\.Management\.Automation\b|^Resolve-AzError\b|^PSMessageDetails\s{0,40}:|^OriginInfo\s{0,40}:|Run Connect-AzAccount to login/m,
    // What PowerShell itself prints: Windows PowerShell's `At <script>:<line> char:<column>` position line,
    // PowerShell 7's `Line |` block, and a prompt running a cmdlet.
    /\bAt line:\d{1,6} char:\d{1,5}\b|\.ps[dm]?1:\d{1,6} char:\d{1,5}\b|^Line \|[ \t]*$|^PS [A-Za-z]:\\[^\s>]{0,200}> ?(?:\*\*)?(?:Connect|Disconnect|Get|Set|New|Remove|Add|Update|Import|Export|Test|Register|Start|Stop)-[A-Z]/m,
    // The modules' own .NET namespaces and module names, in an exception's type or a stack.
    // Az.Accounts' (and AzureRM.Profile's) messages for a session with no usable sign-in: `Your Azure
    // credentials have not been set up or have expired, please run Connect-AzAccount …`, and `No
    // subscription found in the context. … then run Connect-AzAccount to login.`
    /\b[Yy]our Azure credentials have not been set up or have expired\b|\bNo (?:subscription|tenant) found in the context\.|then run Connect-AzAccount to login\b/,
    // The other modules' not-signed-in errors: Microsoft.Graph's `Authentication needed. Please call
    // Connect-MgGraph.` and the AzureAD and MSOnline modules' `You must call the Connect-AzureAD cmdlet before
    // calling any other cmdlets.`
    /Authentication needed\. Please call Connect-MgGraph\b|You must call the Connect-(?:AzureAD|MsolService) cmdlet before calling any other cmdlets/,
    /\bMicrosoft\.Azure\.(?:Commands|PowerShell)\.|\bMicrosoft\.Graph\.PowerShell\.|\bMicrosoft\.Open\.(?:AzureAD|MSGraph)[A-Za-z0-9]{0,8}\.|\bMicrosoft\.Online\.Administration\.|\bMicrosoft\.Exchange\.Management\.|\bAz\.(?:Accounts|Resources|KeyVault|Storage)\b[\\/ ]|\bExchangeOnlineManagement\b/,
  ],
  trailers: [
    // What a PowerShell error record prints after the error it wraps.
    /\+ CategoryInfo|FullyQualifiedErrorId|^InvocationInfo\s{0,40}:|\bAt line:\d{1,6} char:\d{1,5}\b|\.ps[dm]?1:\d{1,6} char:\d{1,5}\b/m,
  ],
  wraps: ["dotnet", "msal-dotnet"],
  // Az PowerShell runs on .NET, but its users call cmdlets, not .NET constructors: they get the PowerShell
  // wording where an entry has one, else the SDK-neutral text.
  advice: "powershell",
  labels: [["cmdlet", "Cmdlet"]],
  read(text) {
    const cmdlet = execIf(PATTERNS.cmdlet, text)?.[1];
    return cmdlet ? { cmdlet } : {};
  },
};
