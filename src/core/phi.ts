// The "no patient information" screen (docs/architecture.md, Rules 9): finds patient identifiers in free text before it is kept.
//
// Contract: pure, no I/O, never throws, linear-time patterns only. A refusal carries the kinds found and
// no wording: the bot turns kinds into a sentence through the message catalogue, in the member's locale.
// The screen cannot tell a patient from a colleague, so it looks for the shapes of identifiers and for
// the cues ("DOB", "MRN", "patient", "Mrs.", "72 y/o", "diabetic") that make a name or a date about a
// patient; plain staff talk (first names, counts, times, dates without a name, billing codes, payer names,
// room and extension numbers) passes.

export type PhiKind =
  | 'ssn'
  | 'record_number'
  | 'insurance_id'
  | 'date_of_birth'
  | 'phone'
  | 'address'
  | 'patient_name'
  | 'name_with_details'
  | 'email';
export type PhiScreen = { ok: true } | { ok: false; kinds: PhiKind[] };

/** Every kind, in the order a refusal lists them; the catalogue keeps one explanation per kind. */
export const PHI_KINDS: readonly PhiKind[] = [
  'ssn',
  'record_number',
  'insurance_id',
  'date_of_birth',
  'phone',
  'address',
  'patient_name',
  'name_with_details',
  'email',
];

interface Rule {
  readonly kind: PhiKind;
  readonly test: (text: string) => boolean;
}

export function screenForPhi(text: string): PhiScreen {
  const normal = normalize(text);
  const found = new Set<PhiKind>();
  for (const rule of RULES) {
    if (!found.has(rule.kind) && rule.test(normal)) found.add(rule.kind);
  }
  if (found.size === 0) return { ok: true };
  return { ok: false, kinds: PHI_KINDS.filter((kind) => found.has(kind)) };
}

/** What the bot needs to explain a refusal: the kinds found, none when the text passed. */
export function refusalKinds(screen: PhiScreen): PhiKind[] {
  return screen.ok ? [] : [...screen.kinds];
}

// ---------------------------------------------------------------------------------------------
// Normalization

const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63]/g;

// Fullwidth digits, no-break spaces, zero-width joiners and typographic dashes would otherwise let
// "１２３–４５–６７８９" through; NFKC and the two replacements fold them onto the ASCII shapes the rules read.
function normalize(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(DASHES, '-');
}

// ---------------------------------------------------------------------------------------------
// Social Security numbers

// The 3-2-4 dashed shape is used for nothing but SSNs, so it is refused whatever surrounds it.
function dashedSsn(text: string): boolean {
  return /(?<!\d)\d{3}-\d{2}-\d{4}(?!\d)/.test(text);
}

// The same digits with spaces or dots ("123 45 6789") are also SSNs, but that shape is less exclusive,
// so only numbers the SSA could issue count (no 000/666/9xx area, no 00 group, no 0000 serial).
function spacedSsn(text: string): boolean {
  for (const m of text.matchAll(/(?<![\d.])(\d{3})([ .])(\d{2})\2(\d{4})(?!\d|\.\d)/g)) {
    if (isIssuableSsn(m[1] ?? '', m[3] ?? '', m[4] ?? '')) return true;
  }
  return false;
}

function isIssuableSsn(area: string, group: string, serial: string): boolean {
  return area !== '000' && area !== '666' && !area.startsWith('9') && group !== '00' && serial !== '0000';
}

// Billing screens mask all but the last four ("***-**-6789", "XXX-XX-6789"); copied into a note, that
// is still a partial SSN.
function maskedSsn(text: string): boolean {
  return /(?<![\w*•])[x*•#]{3}-[x*•#]{2}-\d{4}(?!\d)/i.test(text);
}

const SSN_LABEL = new RegExp(
  String.raw`(\bssn\b|\bss\s?#|\bsocial\s+security\b|\bsoc\.?\s?sec\b|\bsocial\b)` +
    String.raw`[^\d\n]{0,25}?(?<!\d)(\d(?:[\s.-]?\d){3,8})(?!\d)`,
  'gi',
);
const LAST_FOUR = /\b(?:last|final)\s+(?:4|four)\b|\bend(?:s|ing)?\b/i;
const LAST_FOUR_OF_SOCIAL = /\b(?:last|final)\s+(?:4|four)\s+of\s+(?:(?:her|his|their|the)\s+)?social\b/i;

// "ssn 123456789" has no dashes, and "last 4 of SSN 6789" is a partial SSN used to identify someone:
// a label followed by nine digits, or by four with a "last four"/"ending in" cue, is refused. "Social"
// alone is also social media, so with four digits it takes "last four of social".
function labelledSsn(text: string): boolean {
  for (const m of text.matchAll(SSN_LABEL)) {
    const label = (m[1] ?? '').toLowerCase();
    const digits = (m[2] ?? '').replace(/\D/g, '').length;
    if (digits === 9) return true;
    const start = m.index;
    const context = text.slice(Math.max(0, start - 30), start + m[0].length);
    if (digits === 4 && (label !== 'social' || LAST_FOUR_OF_SOCIAL.test(context)) && LAST_FOUR.test(context)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Record, account and member numbers

const MARKER = String.raw`(?:id\b|#|no\b|number\b)`;
const RECORD_LABEL = [
  String.raw`\bmrn\b`,
  String.raw`\bmr\s?#`,
  String.raw`\bmed(?:ical)?\.?\s+rec(?:ord)?\b`,
  String.raw`\bchart\b`,
  String.raw`\bacct\b`,
  String.raw`\baccount\b`,
  String.raw`\brx\s?#`,
  String.raw`\b(?:patient|pt)\s+(?:acct\b|account\b)`,
  String.raw`\b(?:patient|pt|claim|record|encounter)\s*${MARKER}`,
  String.raw`\b(?:prior\s+)?auth(?:orization)?\s*(?:#|no\b|number\b)`,
].join('|');
const RECORD_NUMBER = new RegExp(
  String.raw`(${RECORD_LABEL})((?:[\s#:=.-]|\b(?:no|nbr|num|number|id|is|was)\b){0,8})([a-z]{0,5}\d[a-z\d-]*)`,
  'gi',
);

// Medical record, account, chart, claim and authorization numbers are HIPAA identifiers. A
// number alone is not ("99213" is a CPT code, "ext 204" a phone extension): it takes a label naming
// the kind of record and at least four digits. "chart 2024" with no "#" reads as a year and passes.
function labelledRecordNumber(text: string): boolean {
  for (const m of text.matchAll(RECORD_NUMBER)) {
    const label = m[1] ?? '';
    const separators = m[2] ?? '';
    const id = m[3] ?? '';
    if (id.replace(/\D/g, '').length < 4) continue;
    const marked = /#|\b(?:no|nbr|num|number|id)\b/i.test(label + separators);
    if (!marked && /^(?:19|20)\d\d$/.test(id)) continue;
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Insurance member, subscriber, policy and group numbers

const PAYER = [
  String.raw`bcbs\w*`,
  String.raw`blue\s+(?:cross|shield)(?:\s+blue\s+shield)?`,
  String.raw`anthem|aetna|cigna|humana|uhc|united\s*healthcare|united|kaiser|tricare|champva|molina`,
  String.raw`ambetter|oscar|wellcare|centene|optum|highmark|premera|regence|caresource|amerigroup`,
  String.raw`medicare|medicaid|medi-?cal`,
].join('|');
const INSURANCE_WORD = String.raw`member|subscriber|beneficiary|cardholder|policy|group|grp|plan|insurance|ins|mbi|hicn`;
// "ID" alone is how a card number is usually written ("ID W123456789"); ids that belong to the practice
// or to a record are someone else's rule.
const BARE_ID = String.raw`(?<!\b(?:patient|pt|tax|employee|ticket|claim|record|encounter|npi|provider|vendor|user|login)\s+)id`;
const INSURANCE_NUMBER = new RegExp(
  String.raw`\b(${PAYER}|${INSURANCE_WORD}|${BARE_ID})\b` +
    String.raw`((?:[\s#:=.-]|\b(?:${INSURANCE_WORD}|id|no|nbr|num|number|card|is|was|dod)\b){0,12})` +
    String.raw`(?<![a-z\d])([a-z]{0,5}\d[a-z\d-]*)(?![a-z\d])`,
  'gi',
);
const STRONG_INSURANCE_WORD = /\b(?:id|no|nbr|num|number|member|subscriber|beneficiary|cardholder|policy|mbi|hicn)\b|#/i;

// Member, subscriber, policy and group numbers are HIPAA identifiers, and offices write them after the
// payer's name ("BCBS ID W123456789", "Humana H12345678"). Payer names alone are daily talk ("Aetna
// 99213 pays $92", "Medicare 2025 fee schedule"), so after a payer or "group" the number must look like
// a card number: letters then six digits, or eight digits; after "member", "policy" or "ID", five.
function insuranceNumber(text: string): boolean {
  for (const m of text.matchAll(INSURANCE_NUMBER)) {
    const cue = `${m[1] ?? ''}${m[2] ?? ''}`;
    const id = m[3] ?? '';
    const digits = id.replace(/\D/g, '').length;
    if (/^1?-?\d{3}-\d{3}-\d{4}$/.test(id)) continue;
    if (STRONG_INSURANCE_WORD.test(cue) ? digits >= 5 : digits >= 8 || (/^[a-z]/i.test(id) && digits >= 6)) {
      return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Dates of birth

const MONTH =
  String.raw`\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?` +
  String.raw`|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const ORDINAL = String.raw`(?:st|nd|rd|th)?`;
const DATE_WITH_YEAR = [
  String.raw`(?<![\d/.])\d{1,2}(?:/\d{1,2}/|-\d{1,2}-|\.\d{1,2}\.)(?:\d{4}|\d{2})(?!\d)`,
  String.raw`(?<![\d/.-])(?:19|20)\d\d-\d\d-\d\d(?!\d)`,
  String.raw`${MONTH}\s+\d{1,2}${ORDINAL},?\s+\d{4}(?!\d)`,
  String.raw`(?<!\d)\d{1,2}${ORDINAL}\s+(?:of\s+)?${MONTH},?\s+\d{4}(?!\d)`,
].join('|');
const DATE_ANY = [
  DATE_WITH_YEAR,
  String.raw`(?<![\d/.])\d{1,2}[/-]\d{1,2}(?!\d)`,
  String.raw`${MONTH}\s+\d{1,2}${ORDINAL}(?!\d)`,
].join('|');

const DOB_LABEL = String.raw`\bdob\b|\bd\.o\.b\b\.?|\bdate\s+of\s+birth\b|\bbirth\s*date\b`;
const BORN_LABEL = String.raw`\bborn\b|\bbirthday\b|\bb-?day\b`;
const GAP = String.raw`[^\d\n.;!?]{0,20}?`;

const DOB_DATE = new RegExp(String.raw`(?:${DOB_LABEL})${GAP}(?:${DATE_ANY})`, 'i');
const BORN_DATE = new RegExp(String.raw`(?:${BORN_LABEL})${GAP}(?:${DATE_WITH_YEAR})`, 'i');

// "DOB" is clinical shorthand used only about patients, so a DOB label and any date is refused, even
// "DOB 3/4". The gap stops at sentence punctuation so "DOB on file. Next visit May 3" passes.
function labelledDateOfBirth(text: string): boolean {
  return DOB_DATE.test(text);
}

// "born" and "birthday" also come up in staff talk ("Ana's birthday is 3/14, cake at 2"): a month and
// day alone is a party, with the year it is a date of birth.
function bornOnDate(text: string): boolean {
  return BORN_DATE.test(text);
}

const NAME_WORD = String.raw`\p{Lu}(?:\p{Ll}+(?:['’]?\p{Lu}\p{Ll}+)?|['’]\p{Lu}\p{Ll}+)(?:-\p{Lu}\p{Ll}+)?`;
const HONORIFIC = String.raw`(?:Mr|Mrs|Ms|Mx|Miss)`;
const ANY_DATE_WITH_YEAR = new RegExp(DATE_WITH_YEAR, 'gi');
const NAME_BEFORE = new RegExp(
  String.raw`(?<![\p{L}'’])(?:${HONORIFIC}\.?\s+(${NAME_WORD})|(${NAME_WORD}),?\s+(${NAME_WORD}))\s*[,:(-]?\s*$`,
  'u',
);

// A full name written right before a full date ("John Smith 3/4/61", "Lopez, Maria (11/02/1947)") is
// how charts and lab slips identify a patient. A date without a year next to a name is a schedule
// ("covering for Ana Lopez 12/20"), so the year is required.
function nameBesideDate(text: string): boolean {
  for (const m of text.matchAll(ANY_DATE_WITH_YEAR)) {
    const before = text.slice(Math.max(0, m.index - 60), m.index);
    const name = NAME_BEFORE.exec(before);
    if (!name) continue;
    if (name[1] !== undefined && !isStopWord(name[1])) return true;
    if (name[2] !== undefined && name[3] !== undefined && isFirstAndLastName(name[2], name[3])) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Phone numbers

const TOLL_FREE = new Set(['800', '833', '844', '855', '866', '877', '888']);

// Patients' phones are never toll-free, while payer and vendor help lines ("Availity at 1-800-…") are
// daily biller talk; area codes starting with 0 or 1 do not exist, which keeps digit runs out.
function isPersonalAreaCode(area: string): boolean {
  return /^[2-9]/.test(area) && !TOLL_FREE.has(area);
}

const FORMATTED_PHONE =
  /(?<![\d+])(?:\+?1[\s.-]?)?(?:\((\d{3})\)\s?\d{3}[\s.-]?|(\d{3})[\s.-]\d{3}[\s.-])\d{4}(?!\d)/g;
const INTERNATIONAL_PHONE = /(?<!\w)\+1\s?(?:\((\d{3})\)|(\d{3}))[\s.-]?\d{3}[\s.-]?\d{4}(?!\d)/g;

// 555-123-4567, (555) 123-4567, 555.123.4567, +1 555 123 4567, +15551234567: a formatted ten-digit
// number is a phone.
function formattedPhone(text: string): boolean {
  for (const regex of [FORMATTED_PHONE, INTERNATIONAL_PHONE]) {
    for (const m of text.matchAll(regex)) {
      if (isPersonalAreaCode(m[1] ?? m[2] ?? '')) return true;
    }
  }
  return false;
}

const PHONE_NOUN = String.raw`\b(?:phone|ph|cell|mobile|tel|telephone|cb|callback|fax|vm|voicemail|landline)\b`;
const PHONE_VERB = String.raw`\b(?:call|called|calling|text|texted|contact|reach|reached|lvm|lm)\b`;
const THEIR_NUMBER = String.raw`\b(?:her|his|their|\p{L}+['’]s)\s+(?:home\s+|work\s+)?(?:number|#)`;
const TEN_DIGITS_AFTER_CUE = new RegExp(
  String.raw`(?:${PHONE_NOUN}|${PHONE_VERB}|${THEIR_NUMBER})[^\d\n]{0,20}?(?<!\d)1?(\d{3})\d{7}(?!\d)`,
  'giu',
);
const TEN_DIGITS_BEFORE_CUE = new RegExp(
  String.raw`(?<![\d+])1?(\d{3})\d{7}(?!\d)[^\d\n]{0,20}?(?:${PHONE_NOUN}|\bnumber\b|\bline\b)`,
  'gi',
);
const SEVEN_DIGITS_AFTER_NOUN = new RegExp(
  String.raw`${PHONE_NOUN}[^\d\n]{0,12}?(?<!\d)[2-9]\d{2}[.-]\d{4}(?![\d-])`,
  'i',
);

// Unformatted ten digits are also NPIs and account numbers, and seven digits ("730-1600") are shift
// times, so those count as phones only beside a phone word: "cell 5558675309", "5551234567 is her
// cell", "text her at 2145550188", "home phone 867-5309".
function labelledPhone(text: string): boolean {
  for (const regex of [TEN_DIGITS_AFTER_CUE, TEN_DIGITS_BEFORE_CUE]) {
    for (const m of text.matchAll(regex)) {
      if (isPersonalAreaCode(m[1] ?? '')) return true;
    }
  }
  return SEVEN_DIGITS_AFTER_NOUN.test(text);
}

// ---------------------------------------------------------------------------------------------
// Street addresses

// Suffixes that are only ever streets; "Drive", "Court", "Way" and "Place" are also words ("3 way
// calls", "CT scans"), so those count only capitalized, after a capitalized street name.
const STREET_SUFFIX = String.raw`street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|highway|hwy|parkway|pkwy`;
const PROPER_SUFFIX = String.raw`Drive|Dr|Court|Ct|Place|Pl|Way|Circle|Cir|Terrace|Ter|Trail|Trl|Square|Sq|Loop|Pike|Plaza|Alley`;
const HOUSE_NUMBER = String.raw`(?<![\d/.:$,-])\d{1,6}[a-z]?\s+(?:(?:[nsew]|north|south|east|west)\.?\s+)?`;
const STREET_WORD = String.raw`(?:\d{1,3}(?:st|nd|rd|th)|\p{L}[\p{L}'’.-]*)`;
const STREET = new RegExp(
  String.raw`${HOUSE_NUMBER}((?:${STREET_WORD}\s+){1,3})(?:${STREET_SUFFIX})(?![\p{L}\d])`,
  'giu',
);
const PROPER_STREET = new RegExp(
  String.raw`${HOUSE_NUMBER}((?:(?:\d{1,3}(?:st|nd|rd|th)|\p{Lu}[\p{L}'’.-]*)\s+){1,3})(?:${PROPER_SUFFIX})(?![\p{L}\d])`,
  'gu',
);
const PO_BOX = /\bp\.?\s?o\.?\s?box\s*#?\s*\d|\bpost\s+office\s+box\s+\d/i;
const STATE =
  'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK' +
  '|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR';
const CITY_STATE_ZIP = new RegExp(String.raw`\p{Lu}\p{Ll}+,?\s+(?:${STATE})\s+\d{5}(?:-\d{4})?(?!\d)`, 'u');
const ZIP_CODE = /\bzip(?:\s*code)?\b[^\d\n]{0,12}?(?<!\d)\d{5}(?:-\d{4})?(?!\d)/i;

// A house number, a street name and a suffix ("123 Main St", "1200 W. 5th St", "15 Harbor Drive"), a
// PO box, a city with its state and ZIP, or a ZIP after "zip": each places a person. The words between
// the number and the suffix must read as a street name, so "12 patients on Main St" passes.
function streetAddress(text: string): boolean {
  for (const regex of [STREET, PROPER_STREET]) {
    for (const m of text.matchAll(regex)) {
      const words = (m[1] ?? '').trim().split(/\s+/);
      if (!words.some((word) => isStopWord(word.replace(/\.$/, '')))) return true;
    }
  }
  return PO_BOX.test(text) || CITY_STATE_ZIP.test(text) || ZIP_CODE.test(text);
}

// ---------------------------------------------------------------------------------------------
// Email addresses

// A staff address and a patient's look the same, and a patient's is an identifier, so every address is
// refused; Slack's "<mailto:a@b.org|a@b.org>" wrapping contains the same shape.
function emailAddress(text: string): boolean {
  return /(?<![\w.%+-])[\w.%+-]+@[a-z\d-]+(?:\.[a-z\d-]+)*\.[a-z]{2,}(?![a-z\d-])/i.test(text);
}

// ---------------------------------------------------------------------------------------------
// Patient names

const PATIENT_NAME = new RegExp(
  String.raw`(?<!\p{L})(?:[Pp]atient|[Pp]t)\.?(?:\s*[,:]\s*|\s+-\s+|\s+)` +
    String.raw`(?:(?:[Nn]amed|[Nn]ame\s+is|[Nn]ame)\s*:?\s+)?(${NAME_WORD})(?:\s+(${NAME_WORD}))?`,
  'gu',
);

// "patient"/"pt" followed by a capitalized name is the plainest patient identifier. "patients" and
// lower-case office phrases ("the patient portal") never match; capitalized ones ("Patient Portal",
// "Patient Access") are ruled out by the stop-word list. All-caps "PT" is physical therapy.
function patientWithName(text: string): boolean {
  for (const m of text.matchAll(PATIENT_NAME)) {
    if (isPatientName(m[1] ?? '', m[2])) return true;
  }
  return false;
}

const TITLED_NAME = new RegExp(String.raw`(?<!\p{L})${HONORIFIC}\.?\s+(${NAME_WORD})`, 'gu');
const CAPS_TITLED_NAME = /(?<!\p{L})(?:MR|MRS|MS|MX)\.\s+(\p{Lu}\p{L}+)/gu;
const LOWER_TITLED_NAME = /(?<!\p{L})(?:(?:mrs?|ms|mx)\.\s*|mrs?\s+)(\p{L}{2,})/gu;

// Staff go by first names; "Mr./Mrs./Ms. Surname" is how an office talks about patients. "Dr." is left
// out because physicians are staff. Lower-case "mr"/"mrs" are never ordinary words, but bare "ms" is
// milliseconds and "MS Teams", so lower-case "ms" needs its dot.
function honorificWithName(text: string): boolean {
  for (const regex of [TITLED_NAME, CAPS_TITLED_NAME, LOWER_TITLED_NAME]) {
    for (const m of text.matchAll(regex)) {
      if (!isStopWord(m[1] ?? '')) return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// A name with an age, a sex or a condition

const AGE =
  String.raw`\d{1,3}\s*(?:(?:[yY]\/?[oO]|[yY]\.[oO]\.?|[yY]rs?\.?\s+old|[yY]ears?[\s-]+old|-[yY](?:ea)?r-old)(?!\p{L})|[MF](?!\p{L}))`;
const SEX = String.raw`(?:male|female|man|woman|boy|girl)`;
const CONDITION =
  String.raw`(?:diabet(?:ic|es)|t2dm|dm2|hypertensi(?:ve|on)|htn|copd|chf|ckd|esrd|dialysis|cancer|chemo(?:therapy)?` +
  String.raw`|pregnant|hiv|hepatitis|hep\s?c|dementia|alzheimer['’]?s|parkinson['’]?s|asthma(?:tic)?|epilep(?:sy|tic)` +
  String.raw`|seizures?|stroke|a-?fib|depression|bipolar|schizophreni\p{L}*|autis(?:m|tic)|cirrhosis|lupus` +
  String.raw`|sickle\s+cell|hospice|migraines?|chest\s+pain|pneumonia|opioid\s+use|insulin|warfarin|pacemaker)`;
// A condition named as a program, a class or a report is office work, not a diagnosis.
const OFFICE_AFTER_CONDITION =
  String.raw`(?:education|class(?:es)?|program|project|clinic|workflow|training|screening|protocol|exams?|foot|supplies` +
  String.raw`|management|recall|reports?|list|registry|team|codes?|coding|action|handouts?|awareness|group|visits?|outreach)`;
// The words that can stand between a name and what is said about them: "Linda Park is pregnant",
// "Frank Miller has dementia", "Jim Carter (COPD)", "Sarah Kim is a 29 year old female".
const LINK = String.raw`(?:[\s,:()–—-]|\b(?:has|had|is|was|with|w\/|who|diagnosed|dx|seen|in|here|for|on|a|an|known|hx|of|severe|new)\b)*`;
const DETAILS = new RegExp(
  String.raw`^(?:${LINK}${AGE}|\s*[,(]\s*${SEX}\b|\s*,\s*\d{1,3}\s*(?:$|[,;)])|${LINK}${CONDITION}(?!\s+${OFFICE_AFTER_CONDITION}\b)\b)`,
  'iu',
);
const FULL_NAME = new RegExp(
  String.raw`(?<![\p{L}'’])(?=(${NAME_WORD})(,\s*|\s+)(${NAME_WORD})(?![\p{L}'’]))`,
  'gu',
);
const FIRST_NAME_AND_AGE = new RegExp(
  String.raw`(?<![\p{L}'’])(${NAME_WORD}),?\s*\(?\s*\d{1,3}\s*(?:[yY]\/?[oO]|[yY]ears?[\s-]+old|-[yY]ear-old)(?!\p{L})`,
  'gu',
);
const AGE_THEN_NAME = new RegExp(
  String.raw`${AGE}(?:\s+${SEX})?\s*,?\s+(?:named\s+|called\s+)?(${NAME_WORD})\s+(${NAME_WORD})`,
  'gu',
);

// A full name with an age, a sex or a condition is a patient described ("Robert Brown, 72 y/o male",
// "Maria Gonzalez 45F with asthma", "72 yo male Robert Brown", "Linda Park is pregnant"). A colleague
// teaching the diabetes class is not: the condition has to be said of the person.
function nameWithDetails(text: string): boolean {
  for (const m of text.matchAll(FULL_NAME)) {
    const first = m[1] ?? '';
    const last = m[3] ?? '';
    if (!isFirstAndLastName(first, last)) continue;
    const after = text.slice(m.index + first.length + (m[2] ?? '').length + last.length).slice(0, 60);
    if (DETAILS.test(after)) return true;
  }
  for (const m of text.matchAll(AGE_THEN_NAME)) {
    if (isFirstAndLastName(m[1] ?? '', m[2] ?? '')) return true;
  }
  // A first name with "y/o" is still a patient: "Priya, 6 y/o, came in with her dad".
  for (const m of text.matchAll(FIRST_NAME_AND_AGE)) {
    if (!isStopWord(m[1] ?? '')) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Name heuristics

// Capitalized words that follow "patient", an honorific or sit before a date without being a person:
// sentence words, calendar words, office phrases ("Patient Portal"), systems, payers and languages.
const STOP_WORDS = new Set(
  `a an the and or but so if then than to of in on at by for from with without about as into over after before
  since until till via per is are was were be been being am do does did done has have had will would can could
  should may might must shall not no yes ok okay also just still again please thanks thank today tomorrow
  yesterday tonight now here there this that these those it its i me my mine we us our you your he him his she
  her they them their who what when where why how which all any some every each both new next last first second
  third other another same only very really too called calls call came come comes went said says asked needs
  need wants want got get gets left checked seen saw showed sent has having missed let lets see meet met
  monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun weekend
  january february march april june july august september october november december jan feb mar apr jun jul
  aug sep sept oct nov dec week day month year quarter morning afternoon evening noon holiday holidays
  portal intake care experience services service statements statement access advocate advocates navigator
  navigators coordinator coordinators relations financial financials responsibility balance balances
  registration satisfaction survey surveys education forms form check checkin checkout scheduling schedule
  schedules scheduler chart charts record records account accounts support center centre safety flow list
  lists liaison ledger info information demographics payment payments refunds refund outreach engagement
  recall recalls reminders reminder messages messaging message queue tracking tracker name names lookup search
  room rooms rooming calls visits visit encounters encounter appointments appointment wait waiting transport
  assistance eligibility verification identification collections billing estimates estimate friendly notes note
  advocacy appreciation success family families guide guides voice journey story stories hub wellness
  health history loyalty day days hour hours
  handbook handouts handout instructions rights privacy complaints complaint feedback volume volumes centered
  centred centric focused kiosk signup sign packet packets questionnaire consent consents label labels
  wristband wristbands referrals referral orders order results result labs lab line lines phone phones email
  emails text texts app website arrival arrivals intakes id ids number numbers portion copay copays deductible
  coverage insurance benefits benefit plan plans population populations panel panels census load loads
  volume throughput satisfaction retention priority priorities rep reps representative representatives
  specialist specialists tech techs technician technicians ambassador ambassadors champion champions
  meeting meetings huddle huddles training trainings party lunch prior auth auths review reviews audit audits
  update updates goal goals project projects workflow workflows process processes policy policies
  epic mychart athena athenahealth athenaone cerner nextgen eclinicalworks kareo availity waystar practice
  fusion teams word excel outlook office zoom slack google gmail yahoo
  medicare medicaid aetna cigna humana united unitedhealthcare anthem blue bcbs kaiser tricare molina centene
  ambetter oscar wellcare optum
  spanish english vietnamese chinese mandarin cantonese arabic russian french portuguese korean tagalog
  haitian creole somali polish
  doctor dr nurse nurses provider providers physician physicians manager managers biller billers coder coders
  staff team teams front desk back clinic lead leads assistant assistants doctors`.split(/\s+/),
);

// Months that are also first names ("patient April Jones") count as a name when a surname follows.
const MONTH_NAMES = new Set(['april', 'may', 'june', 'july', 'august']);

function isStopWord(word: string): boolean {
  const lower = word.toLowerCase();
  return STOP_WORDS.has(lower) || (lower.length >= 6 && /(?:tion|sion|ment|ship|ness)$/.test(lower));
}

function isMonthFirstName(first: string, last: string | undefined): boolean {
  return last !== undefined && MONTH_NAMES.has(first.toLowerCase()) && !isStopWord(last);
}

/** After "patient": a name word, or a month that is a first name when a surname follows. */
function isPatientName(first: string, last: string | undefined): boolean {
  return !isStopWord(first) || isMonthFirstName(first, last);
}

/** Two capitalized words with no cue before them: both must look like a name. */
function isFirstAndLastName(first: string, last: string): boolean {
  return (!isStopWord(first) || isMonthFirstName(first, last)) && !isStopWord(last);
}

// ---------------------------------------------------------------------------------------------

const RULES: readonly Rule[] = [
  { kind: 'ssn', test: dashedSsn },
  { kind: 'ssn', test: spacedSsn },
  { kind: 'ssn', test: maskedSsn },
  { kind: 'ssn', test: labelledSsn },
  { kind: 'record_number', test: labelledRecordNumber },
  { kind: 'insurance_id', test: insuranceNumber },
  { kind: 'date_of_birth', test: labelledDateOfBirth },
  { kind: 'date_of_birth', test: bornOnDate },
  { kind: 'date_of_birth', test: nameBesideDate },
  { kind: 'phone', test: formattedPhone },
  { kind: 'phone', test: labelledPhone },
  { kind: 'address', test: streetAddress },
  { kind: 'email', test: emailAddress },
  { kind: 'patient_name', test: patientWithName },
  { kind: 'patient_name', test: honorificWithName },
  { kind: 'name_with_details', test: nameWithDetails },
];
