/**
 * The two 8-bit Vietnamese encodings of the 1990s–2000s still found in party offices' files:
 * TCVN3 (TCVN 5712:1993 "VN3", the ABC fonts .VnTime/.VnTimeH) and VNI-Windows (VNI-Times).
 * Both were used through fonts rather than code pages, so Windows sees their bytes as Latin
 * text: a TCVN3 "Nguyễn Văn Tùng" shows as "NguyÔn V¨n Tïng", a VNI one as "Nguyeãn Vaên Tuøng".
 */
export type LegacyEncoding = 'TCVN3' | 'VNI';

export const legacyEncodingName: Record<LegacyEncoding, string> = {
  TCVN3: 'TCVN3 (ABC, phông .VnTime)',
  VNI: 'VNI-Windows (phông VNI-Times)',
};
