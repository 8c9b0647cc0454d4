// Warns before a file over its limit is sent: an <input type="file" data-max-bytes="…"
// data-max-message="…"> gets the browser's own validation message, and the form waits.
// The server checks again (portal/uploads.py); this only spares a long upload for nothing.
document.addEventListener("change", (event) => {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || !input.dataset.maxBytes) {
    return;
  }
  const limit = Number(input.dataset.maxBytes);
  const tooLarge = Array.from(input.files || []).some((file) => file.size > limit);
  input.setCustomValidity(tooLarge ? input.dataset.maxMessage : "");
  if (tooLarge) {
    input.reportValidity();
  }
});
