// 任务页：每秒读一次 /jobs/{编号}.json 更新进度条；任务结束时重新载入整页，显示结果或错误表。
(function () {
  var box = document.getElementById('job');
  if (!box || box.getAttribute('data-over') === 'true') {
    return;
  }
  var url = box.getAttribute('data-json');
  var bar = document.getElementById('job-progress');
  var text = document.getElementById('job-progress-text');
  var state = document.getElementById('job-state');
  function poll() {
    fetch(url, {credentials: 'same-origin', cache: 'no-store'}).then(function (r) {
      if (!r.ok) { throw new Error(String(r.status)); }
      return r.json();
    }).then(function (s) {
      if (s.over) {
        // 完成后有下一步（如重新考核后的比较页）就直接打开它；否则重新载入本页显示结果或错误表
        if (s.next && /^\/[A-Za-z0-9]/.test(s.next)) {
          window.location.assign(s.next);
        } else {
          window.location.reload();
        }
        return;
      }
      state.textContent = s.state;
      state.className = 'state-' + s.state;
      text.textContent = s.progress;
      if (s.percent >= 0) {
        bar.value = s.percent;
        bar.textContent = s.percent + '%';
      } else {
        bar.removeAttribute('value');
      }
      setTimeout(poll, 1000);
    }).catch(function () {
      setTimeout(poll, 3000);
    });
  }
  setTimeout(poll, 500);
})();
