// Light progressive enhancement: every page works without it.
document.addEventListener('DOMContentLoaded', () => {
  // Filters apply as soon as one is chosen (the button stays for keyboard and script-less use).
  for (const select of document.querySelectorAll('select[data-autosubmit]')) {
    select.addEventListener('change', () => select.form && select.form.requestSubmit());
  }
  // A second click while the first submit is under way sends nothing more (the idempotency key guards the rest).
  for (const form of document.querySelectorAll('form[data-once]')) {
    form.addEventListener('submit', (event) => {
      if (form.dataset.sent === 'true') { event.preventDefault(); return; }
      form.dataset.sent = 'true';
      setTimeout(() => { form.dataset.sent = 'false'; }, 5000);
    });
  }
});
