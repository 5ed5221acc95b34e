export const styles = `
*{box-sizing:border-box}body{margin:0;font-family:"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:#1d2733;background:#f5f6f8}
header.top{display:flex;justify-content:space-between;align-items:center;background:#a50e0e;color:#fff;padding:.6rem 1.2rem}
header.top a.brand{color:#fff;font-weight:600;text-decoration:none}header.top nav{display:flex;gap:1rem;align-items:center}
main{max-width:1200px;margin:1.2rem auto;padding:0 1rem}h1{font-size:1.5rem;margin:.2rem 0 1rem}h2{font-size:1.15rem;margin:1.4rem 0 .6rem}
.card{background:#fff;border:1px solid #dde1e6;border-radius:6px;padding:1rem;margin-bottom:1rem}
table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #dde1e6;padding:.35rem .55rem;text-align:left;vertical-align:top}
th{background:#eef1f4;font-weight:600}td.num,th.num{text-align:right}
.crumbs{font-size:.9rem;margin-bottom:.4rem}.crumbs a{color:#a50e0e}.muted{color:#5b6775}
button,.button{background:#a50e0e;color:#fff;border:0;border-radius:4px;padding:.45rem .9rem;cursor:pointer;font-size:.95rem;text-decoration:none;display:inline-block}
button.link{background:none;color:inherit;text-decoration:underline;padding:0}form.inline{display:inline}
.identities{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:.8rem}
.identities button{width:100%;text-align:left;background:#fff;color:#1d2733;border:1px solid #c8ced6;padding:.8rem}
.identities button:hover{border-color:#a50e0e}.tag{display:inline-block;background:#eef1f4;border-radius:3px;padding:0 .35rem;font-size:.8rem}
.error{background:#fdecea;border:1px solid #f5c2c0;padding:1rem;border-radius:6px}.closed{color:#8a94a0;text-decoration:line-through}
.notice.frozen{background:#fff4e5;border:1px solid #f0c36d;padding:.8rem 1rem;border-radius:6px;font-weight:600}
.pager{margin-top:.6rem}.indent-1{padding-left:1.2rem}.indent-2{padding-left:2.4rem}.indent-3{padding-left:3.6rem}.indent-4{padding-left:4.8rem}.indent-5{padding-left:6rem}
@media print{header.top,nav,.pager,button{display:none}body{background:#fff}}
`;
