/** azure-identity for Java, adal4j and Spring Cloud Azure. */
import type { Producer } from "./types.js";

export const java: Producer = {
  name: "java",
  sdk: "java",
  markers: [
    // Its own exception names, links and wordings; a class path as the JVM's class loader writes it
    // (`NoClassDefFoundError: com/azure/core/credential/TokenCredential`).
    /com\.azure\.[a-z]{2,30}\.|\bcom\/azure\/(?:core|identity)\/|aka\.ms\/azure-identity-java|aka\.ms\/azsdk\/java\/|Credential authentication failed\. ---> /,
    // Java beyond azure-identity: azure-core, adal4j, mssql-jdbc, Spring Security OAuth2, Spring Cloud
    // Azure, the older com.microsoft.azure libraries and hadoop-azure (ABFS).
    /\bcom\.microsoft\.aad\.adal4j\.|\bcom\.microsoft\.sqlserver\.jdbc\.|\bcom\.azure\.spring\.|\bcom\.microsoft\.azure\.[a-z]|\borg\.apache\.hadoop\.fs\.azurebfs\./,
    // azure-identity's LoggingUtil (implementation/util/LoggingUtil.java) logs each getToken call as
    // `Azure Identity => getToken() result for scopes [...]` or `... ERROR in getToken() call for scopes`
    // (azidentity's older log spells it `GetToken()`, without scopes); Spring Boot's console shortens the
    // logger com.azure.identity to `c.a.identity`.
    /Azure Identity => (?:ERROR in )?getToken\(\) (?:call|result) for scopes|\bc\.a\.identity\.[A-Z]/,
    // IdentityClient(Base).java's wordings: `… To further mitigate this issue, please refer to …` (Python
    // says only `To mitigate`), its verbose `Azure CLI Authentication => …` and `IntelliJ Authentication
    // => …` lines, IntelliJCredential's `IntelliJ Authentication not available`, and AzurePowerShellCredential's
    // `Azure Powershell authentication failed. Error Details: …`.
    /To further mitigate this issue, please refer to the troubleshooting guidelines|\b(?:Azure CLI|IntelliJ) Authentication => |\bIntelliJ Authentication not available\b|Azure Powershell authentication failed\. Error Details: |Azure PowerShell authentication failed using (?:default|powershell-core)/,
  ],
  runtime: [
    // A JVM stack frame (`at com.example.App.main(App.java:12)`), and the JDK's own exception types.
    /^[ \t]{0,8}at [\w$.]{1,300}\([\w$]{1,120}\.java:\d{1,6}\)|\bjava\.(?:lang|net|io|util|security)\.[A-Za-z.]{0,80}(?:Exception|Error)\b/m,
  ],
  advice: "java",
};
