/* Names for the admin's form controls that Django's own scripts and tables leave unnamed.
 *
 * Select2 (the autocomplete fields) draws its combobox and search box without a label, and
 * puts its "clear" cross straight into a list; the horizontal filter gives a plain <span> an
 * aria-label; a field in a table (a tabular inline, an editable list) has only its column
 * header. Each is repaired as it appears, so that rows added later are named too.
 */
"use strict";
{
    // The element that names ``field``: its <label>, or the header of its table column.
    function namingElement(field) {
        let naming = field.id && document.querySelector(`label[for="${field.id}"]`);
        const cell = field.closest("td");
        if (!naming && cell) {
            const head = cell.closest("table").tHead;
            naming = head && head.rows[0].cells[cell.cellIndex];
        }
        if (!naming || !naming.textContent.trim()) {
            return null;
        }
        if (!naming.id) {
            naming.id = `${field.id || field.name}-name`;
        }
        return naming;
    }

    function labelBy(element, naming) {
        const ids = (element.getAttribute("aria-labelledby") || "").split(" ").filter(Boolean);
        if (!ids.includes(naming.id)) {
            element.setAttribute("aria-labelledby", [naming.id, ...ids].join(" "));
        }
    }

    function nameSelect2(container) {
        const naming = namingElement(container.previousElementSibling);
        if (naming) {
            container.querySelectorAll(
                ".select2-selection, .select2-selection__rendered[role], .select2-search__field"
            ).forEach((element) => labelBy(element, naming));
        }
    }

    function repair() {
        document.querySelectorAll(".select2-container").forEach(nameSelect2);
        document.querySelectorAll("ul.select2-selection__rendered > .select2-selection__clear")
            .forEach((cross) => {
                const item = document.createElement("li");
                item.className = "select2-selection__clear-item";
                cross.replaceWith(item);
                item.append(cross);
            });
        document.querySelectorAll("span.help-tooltip[aria-label]:not([role])").forEach(
            (icon) => icon.setAttribute("role", "img")
        );
        document.querySelectorAll("td :is(input:not([type=hidden]), select, textarea)")
            .forEach((field) => {
                if (!field.labels.length && !field.hasAttribute("aria-label")) {
                    const naming = namingElement(field);
                    if (naming) {
                        labelBy(field, naming);
                    }
                }
            });
    }

    new MutationObserver(repair).observe(document.documentElement, {childList: true, subtree: true});
    document.addEventListener("DOMContentLoaded", repair);
}
