/**
 * The browser: the Entra sign-in page pasted as text, or a redirect carrying the error in its query
 * string or fragment (read as an error body by ../redirect.ts).
 */
import { PATTERNS } from "../../patterns.js";
import { testIf } from "../prefilter.js";
import type { Producer } from "./types.js";

export const browser: Producer = {
  name: "browser",
  sdk: "browser",
  markers: [
    // The Entra sign-in page pasted as text (its troubleshooting details: `Request Id:`, `Message: AADSTS…`).
    /Sorry, but we[\u2019']re having trouble signing you in|\bSign in to your account\b|\bNeed admin approval\b|needs permission to access resources in your organi[sz]ation that only an admin can grant|Additional technical information:|^[ \t>`'"]{0,8}Request I[Dd]: ?[0-9A-Fa-f]{8}|\bRequest I[Dd]: ?[0-9A-Fa-f-]{36}[ \t]{1,4}Correlation I[Dd]: ?[0-9A-Fa-f]{8}|^Message: AADSTS\d/m,
    // The page's other headings and its troubleshooting block, in English, and the personal-account
    // (login.live.com) page's generic failure.
    /\bYou can[\u2019']t get there from here\b|\bMicrosoft account is experiencing technical problems\b|\bTroubleshooting details\b|If you plan on getting support for an issue, provide the following details|\bFlag sign-in errors for review\b|\bThis app may be risky\b|\bHelp us keep your device secure\b|\bYour sign-in was successful but does not meet the criteria to access this resource\b|\bSelected user account does not exist in tenant\b|^[ \t>]{0,8}We[\u2019']re unable to complete your request[ \t]*$|^[ \t]{0,8}Approval required[ \t]*$/m,
    // The page's own source: its `$Config` script's error fields.
    /"strServiceExceptionMessage"[ \t]{0,4}:|"strMainMessage"[ \t]{0,4}:/,
  ],
  claims: (text) => testIf(PATTERNS.sdkBrowser, text) && testIf(PATTERNS.redirectError, text),
  advice: "browser",
};
