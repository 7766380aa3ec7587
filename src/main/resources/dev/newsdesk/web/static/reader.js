// Scrolls the reader to the cited span and gives it focus, so the quote is the first thing seen (and read by a
// screen reader). Served from the jar as a file: the Content-Security-Policy allows no inline script.
document.addEventListener('DOMContentLoaded', function () {
  var mark = document.getElementById('cited');
  if (!mark) return;
  mark.scrollIntoView({block: 'center'});
  mark.focus({preventScroll: true});
  document.body.setAttribute('data-scrolled-to', 'cited');
});
