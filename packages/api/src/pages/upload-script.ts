/**
 * The upload page's script, served as `/assets/upload.js` from this origin (the Content-Security-
 * Policy allows no inline script). It sends the chosen file as the request body with
 * XMLHttpRequest, whose upload events give the progress bar, then draws the answer. Everything from
 * the file or the server is put on the page with textContent, never as HTML, so a name like
 * "<script>…" stays text. Its requests to the app go to the pages' JSON API (`/web/api/v1`, the
 * session cookie) with the session's CSRF token (meta `csrf-token`) in `x-csrf-token`.
 *
 * The page's root element carries its settings in data attributes:
 * data-endpoint (the upload API path), data-kind ("results" | "roster"), data-labels (JSON of
 * rating labels), data-locked ("true" when the dossier cannot change), data-bucket ("true" when
 * files go through the upload bucket: AWS, where request bodies are capped at about 6 MB),
 * data-rulebook (the campaign's rulebook page: every rule id links to its explanation there).
 */
export const uploadScript = `
(function () {
  var root = document.getElementById('upload');
  if (!root) return;
  var endpoint = root.getAttribute('data-endpoint');
  var kind = root.getAttribute('data-kind');
  var labels = JSON.parse(root.getAttribute('data-labels') || '{}');
  var reasons = JSON.parse(root.getAttribute('data-reasons') || '{}');
  var rulebook = root.getAttribute('data-rulebook');
  var input = document.getElementById('file');
  var checkButton = document.getElementById('check');
  var commitButton = document.getElementById('commit');
  var progress = document.getElementById('progress');
  var progressText = document.getElementById('progress-text');
  var status = document.getElementById('status');
  var result = document.getElementById('result');
  // Every member's name (the table shows one page of them).
  var names = JSON.parse(root.getAttribute('data-names') || '{}');

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) {
      node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return node;
  }
  function label(r) { return r ? (labels[r] || r) : ''; }
  function ruleLink(id) {
    return rulebook ? el('a', { href: rulebook + '#rule-' + id, 'data-rule-link': id }, [id]) : id;
  }
  function violationsOf(list) {
    var out = el('span', {}, []);
    list.forEach(function (v, i) {
      if (i > 0) out.appendChild(document.createTextNode(' · '));
      out.appendChild(document.createTextNode('['));
      var link = ruleLink(v.ruleId);
      out.appendChild(typeof link === 'string' ? document.createTextNode(link) : link);
      out.appendChild(document.createTextNode('] ' + v.message));
    });
    return out;
  }
  function say(text, tone) {
    status.textContent = text;
    status.className = tone === 'error' ? 'error' : 'card';
  }
  function contentTypeOf(file) {
    return /\\.xlsx$/i.test(file.name) ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
  }

  // In AWS (data-bucket="true") the file goes to the upload bucket through a pre-signed URL, and
  // the API reads it from there; the key is kept so that the commit does not send the file again.
  var bucket = root.getAttribute('data-bucket') === 'true';
  var uploaded = null;
  var csrfMeta = document.querySelector('meta[name="csrf-token"]');
  var csrf = csrfMeta ? csrfMeta.getAttribute('content') : '';

  function request(method, url, contentType, body, onDone) {
    var xhr = new XMLHttpRequest();
    xhr.open(method, url);
    if (contentType) xhr.setRequestHeader('content-type', contentType);
    // Only to this origin: the bucket's pre-signed URL gets no header of ours.
    if (url.charAt(0) === '/') xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = function (e) {
      if (!e.lengthComputable) return;
      progress.max = e.total;
      progress.value = e.loaded;
      progressText.textContent = 'Đã gửi ' + Math.round((e.loaded * 100) / e.total) + '%';
    };
    xhr.onerror = function () {
      checkButton.disabled = false;
      say('Mất kết nối khi gửi tệp; chưa có gì được ghi. Hãy thử lại.', 'error');
    };
    xhr.onload = function () { onDone(xhr); };
    xhr.send(body);
  }

  function send(dryRun) {
    var file = input.files && input.files[0];
    if (!file) { say('Hãy chọn tệp .xlsx hoặc .csv.', 'error'); return; }
    checkButton.disabled = true;
    commitButton.disabled = true;
    progress.hidden = false;
    say(dryRun ? 'Đang gửi tệp để kiểm tra…' : 'Đang ghi…');
    if (!bucket) {
      progress.value = 0;
      progressText.textContent = '';
      request('POST', endpoint + '?dryRun=' + (dryRun ? 'true' : 'false'), contentTypeOf(file), file, answered);
      return;
    }
    var fromUpload = function () {
      request('POST', endpoint + '/from-upload', 'application/json', JSON.stringify({ key: uploaded.key, dryRun: dryRun }), answered);
    };
    if (uploaded && uploaded.file === file) { fromUpload(); return; }
    request('POST', endpoint + '/upload-url', 'application/json', JSON.stringify({ contentType: contentTypeOf(file) }), function (xhr) {
      var target = xhr.status === 200 ? JSON.parse(xhr.responseText) : null;
      if (!target) { answered(xhr); return; }
      progress.value = 0;
      progressText.textContent = '';
      request('PUT', target.url, target.contentType, file, function (put) {
        if (put.status >= 300) { checkButton.disabled = false; say('Không gửi được tệp lên kho lưu trữ (mã ' + put.status + ').', 'error'); return; }
        uploaded = { key: target.key, file: file };
        fromUpload();
      });
    });
  }

  function answered(xhr) {
    checkButton.disabled = false;
    progressText.textContent = 'Đã gửi 100%';
    var body;
    try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
    if (!body) { say('Máy chủ trả lời không đọc được (mã ' + xhr.status + ').', 'error'); return; }
    if (body.rows === undefined) {
      say((body.error && body.error.message) || ('Lỗi ' + xhr.status), 'error');
      result.replaceChildren();
      return;
    }
    draw(body);
    if (body.committed) {
      var current = document.getElementById('current-version');
      if (current && body.version !== null) current.textContent = 'Phiên bản ' + body.version;
      say(kind === 'results'
        ? (body.unchanged ? 'Tệp giống hệt kết quả đang có: không tạo phiên bản mới (phiên bản ' + body.version + ').' : 'Đã ghi kết quả: phiên bản ' + body.version + ' là phiên bản hiện hành.')
        : (body.unchanged ? 'Danh sách không có gì thay đổi.' : 'Đã cập nhật danh sách đảng viên.'));
    } else if (body.error) {
      say(body.error.message, 'error');
    } else if (body.errorCount > 0) {
      say('Tệp có ' + body.errorCount + ' lỗi ở ' + (body.rows - body.accepted) + ' dòng. Hãy sửa tệp rồi kiểm tra lại; chưa có gì được ghi.', 'error');
    } else {
      say('Tệp hợp lệ (' + body.rows + ' dòng). Chưa có gì được ghi: bấm "Xác nhận ghi" để ghi.');
      commitButton.disabled = root.getAttribute('data-locked') === 'true';
    }
  }

  function table(testid, headers, rows) {
    return el('table', { 'data-testid': testid }, [
      el('thead', {}, [el('tr', {}, headers.map(function (h) { return el('th', {}, [h]); }))]),
      el('tbody', {}, rows.map(function (cells) {
        return el('tr', {}, cells.map(function (c) { return el('td', {}, [c === null || c === undefined ? '' : (typeof c === 'object' ? c : String(c))]); }));
      })),
    ]);
  }

  function draw(a) {
    var parts = [el('p', { 'data-testid': 'summary' }, [
      'Số dòng: ' + a.rows + ' · Dòng hợp lệ: ' + a.accepted + ' · Số lỗi: ' + a.errorCount,
    ])];
    if (a.errors.length > 0) {
      parts.push(el('h2', {}, ['Lỗi trong tệp (theo dòng và cột như Excel hiển thị)']));
      parts.push(table('errors', ['Dòng', 'Cột', 'Mã lỗi', 'Nội dung'], a.errors.map(function (e) { return [e.row, e.column, e.code, e.message]; })));
      if (a.errorCount > a.errors.length) parts.push(el('p', { class: 'muted' }, ['Chỉ liệt kê ' + a.errors.length + ' lỗi đầu tiên.']));
    }
    var unitViolations = a.violations.filter(function (v) { return v.memberId === null; });
    if (unitViolations.length > 0) {
      parts.push(el('h2', {}, ['Vi phạm của tập thể chi bộ']));
      parts.push(table('unit-violations', ['Quy tắc', 'Mức độ', 'Nội dung'], unitViolations.map(function (v) {
        return [ruleLink(v.ruleId), v.severity === 'blocking' ? 'Chặn gửi hồ sơ' : 'Cảnh báo', v.message];
      })));
    }
    if (kind === 'results' && a.evaluations.length > 0) {
      parts.push(el('h2', {}, ['Kết quả theo quy tắc của năm']));
      parts.push(table('evaluations', ['Mã đảng viên', 'Họ và tên', 'Điểm', 'Tự xếp loại', 'Chi bộ xếp loại', 'Mức cao nhất được phép', 'Kết quả', 'Vi phạm'],
        a.evaluations.map(function (e) {
          return [e.memberId, names[e.memberId] || '', e.score === null || e.score === undefined ? '' : String(e.score).replace('.', ','),
            label(e.selfProposed), label(e.decided), label(e.maxAllowed),
            e.rated ? label(e.final) : ('Không xếp loại: ' + (reasons[e.notRatedReason] || e.notRatedReason || '')),
            violationsOf(e.violations)];
        })));
    }
    if (kind === 'roster' && a.members) {
      parts.push(el('p', { 'data-testid': 'roster-summary' }, [
        'Thêm mới: ' + a.members.created + ' · Cập nhật: ' + a.members.updated + ' · Không đổi: ' + a.members.unchanged +
        (a.groupsCreated.length ? ' · Tổ đảng mới: ' + a.groupsCreated.map(function (g) { return g.name; }).join(', ') : ''),
      ]));
      if (a.members.notInFile.length > 0) {
        parts.push(el('h2', {}, ['Đảng viên của chi bộ không có trong tệp (vẫn giữ nguyên)']));
        parts.push(table('not-in-file', ['Mã đảng viên', 'Họ và tên'], a.members.notInFile.map(function (m) { return [m.id, m.fullName]; })));
      }
    }
    result.replaceChildren.apply(result, parts);
  }

  checkButton.addEventListener('click', function () { send(true); });
  commitButton.addEventListener('click', function () { send(false); });
  input.addEventListener('change', function () { commitButton.disabled = true; uploaded = null; result.replaceChildren(); });
})();
`;
