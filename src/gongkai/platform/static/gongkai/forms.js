// Form behaviour without inline handlers: the Content-Security-Policy runs only scripts from this site.
"use strict";
document.addEventListener("change", (event) => {
  const field = event.target;
  if (field instanceof HTMLSelectElement && field.hasAttribute("data-autosubmit") && field.form) {
    field.form.submit();
  }
});
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.hasAttribute("data-annual-goto")) {
    event.preventDefault();
    const query = form.elements.aggregate.checked ? "?aggregate=1" : "";
    location.href = "/annual/" + form.elements.agency.value + "/" + form.elements.year.value + "/" + query;
  }
});
