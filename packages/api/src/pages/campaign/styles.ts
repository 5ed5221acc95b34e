/** Styles of the campaign pages, added after the common ones. */
export const campaignStyles = `
.links a{color:#a50e0e}.ok{background:#e8f5e9;border:1px solid #b9dfbb;padding:.6rem;border-radius:6px}
table.review td{font-size:.9rem}tr.blocked td{background:#fff6f5}ul.reasons{margin:0 0 .3rem 1rem;padding:0}ul.reasons li{margin-bottom:.2rem}
.member-form fieldset{border:1px solid #dde1e6;margin:.4rem 0;display:flex;flex-wrap:wrap;gap:.4rem 1rem}.member-form label{font-size:.88rem}
.member-form input[type=number]{width:5rem}.inline-form{display:flex;gap:.6rem;flex-wrap:wrap;align-items:center}
.submit-form{margin:1rem 0}.appraise form{margin-bottom:.5rem}.appraise textarea{display:block;width:100%;min-height:3rem}
tr.late td{background:#fff6f5}td.json{font-family:monospace;font-size:.75rem;max-width:22rem;word-break:break-all}
`;
