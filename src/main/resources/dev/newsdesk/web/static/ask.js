// Keyboard help for the ask page: "/" jumps to the question box; after an answer, focus moves to it so Tab
// reaches its citations next. The form works without this file.
document.addEventListener('DOMContentLoaded', function () {
  var box = document.getElementById('q');
  document.addEventListener('keydown', function (e) {
    if (e.key === '/' && document.activeElement !== box && box) {
      e.preventDefault();
      box.focus();
      box.select();
    }
  });
  var answer = document.querySelector('#answer h2, #results h2');
  if (answer) {
    answer.setAttribute('tabindex', '-1');
    answer.focus();
  }
});
