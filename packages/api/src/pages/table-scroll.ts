/**
 * A wide table (or chart) on a narrow screen scrolls inside its own box (styles.ts); this makes
 * each box that does overflow reachable and scrollable by keyboard and names it for screen readers.
 * Served from this origin (/assets/table-scroll.js), as the Content-Security-Policy asks.
 */
export const tableScrollScript = `(function () {
  function mark() {
    document.querySelectorAll('main table, figure.chart').forEach(function (el) {
      var wide = el.scrollWidth > el.clientWidth;
      if (wide && !el.hasAttribute('tabindex')) {
        el.setAttribute('tabindex', '0');
        el.classList.add('scroll-box');
        if (!el.hasAttribute('aria-label') && !el.querySelector('caption')) el.setAttribute('aria-label', 'Bảng (kéo ngang để xem hết)');
      } else if (!wide && el.classList.contains('scroll-box')) {
        el.removeAttribute('tabindex');
        el.classList.remove('scroll-box');
      }
    });
  }
  // Again once the stylesheet and images have settled the layout, and whenever the window changes.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mark); else mark();
  window.addEventListener('load', mark);
  window.addEventListener('resize', mark);
})();
`;
