// A table wider than the screen scrolls sideways inside its .table-wrap. So that keyboard users
// can scroll it too (WCAG 2.1.1), such a wrapper becomes a focusable region named after the
// table's caption or the nearest heading; on load, after htmx swaps and when the window resizes.
(function () {
    function name(wrap) {
        var table = wrap.querySelector('table');
        if (table && table.caption) {
            return table.caption.textContent.trim();
        }
        var section = wrap.closest('section, main');
        var heading = section && section.querySelector('h1, h2, h3');
        return heading ? heading.textContent.trim() : document.title;
    }

    function mark() {
        document.querySelectorAll('.table-wrap').forEach(function (wrap) {
            if (wrap.hasAttribute('tabindex') || wrap.scrollWidth <= wrap.clientWidth) {
                return;
            }
            wrap.setAttribute('tabindex', '0');
            wrap.setAttribute('role', 'region');
            if (!wrap.hasAttribute('aria-labelledby')) {
                wrap.setAttribute('aria-label', name(wrap));
            }
        });
    }

    document.addEventListener('DOMContentLoaded', mark);
    document.addEventListener('htmx:afterSettle', mark);
    window.addEventListener('resize', mark);
})();
