// Browser-side half of Procore's side-panel contract, shipped as a string so the host pages can
// inline it and tests can evaluate it against fake windows. The app posts {type:'initialize'};
// the host answers {type:'setup', context} to the app's origin only, and later tells it when the
// panel is shown, hidden or destroyed.

export const SIDE_PANEL_HOST_SCRIPT = String.raw`
function coiSidePanelHost(opts) {
  var listening = true;
  function post(message) {
    var target = opts.frame.contentWindow;
    if (target) target.postMessage(message, opts.appOrigin);
  }
  function onMessage(event) {
    if (!listening || event.source !== opts.frame.contentWindow || event.origin !== opts.appOrigin) return;
    var data = event.data;
    if (data && typeof data === 'object' && data.type === 'initialize') post({ type: 'setup', context: opts.context });
  }
  opts.win.addEventListener('message', onMessage);
  return {
    visible: function () { post({ type: 'sidepanel:app:visible' }); },
    hidden: function () { post({ type: 'sidepanel:app:hidden' }); },
    destroy: function () {
      post({ type: 'sidepanel:app:destroy' });
      listening = false;
      opts.win.removeEventListener('message', onMessage);
    }
  };
}
`;

/** Wires the Apps button and the panel chrome of a host page to coiSidePanelHost. */
export const SIDE_PANEL_UI_SCRIPT = String.raw`
(function () {
  var cfg = JSON.parse(document.getElementById('coi-panel-config').textContent);
  var panel = document.getElementById('coi-side-panel');
  var body = document.getElementById('coi-side-panel-body');
  var host = null;
  var frame = null;
  function open() {
    if (!frame) {
      frame = document.createElement('iframe');
      frame.title = cfg.title;
      frame.name = cfg.name;
      frame.src = cfg.src;
      frame.setAttribute('allow', 'clipboard-write');
      body.appendChild(frame);
      host = coiSidePanelHost({ win: window, frame: frame, appOrigin: cfg.appOrigin, context: cfg.context });
    } else {
      host.visible();
    }
    panel.hidden = false;
    document.body.classList.add('panel-open');
  }
  function hide() {
    if (!frame || panel.hidden) return;
    panel.hidden = true;
    document.body.classList.remove('panel-open');
    host.hidden();
  }
  function close() {
    if (!frame) return;
    host.destroy();
    frame.remove();
    frame = null;
    panel.hidden = true;
    document.body.classList.remove('panel-open');
  }
  document.getElementById('coi-apps-button').addEventListener('click', function () { panel.hidden ? open() : hide(); });
  document.getElementById('coi-panel-hide').addEventListener('click', hide);
  document.getElementById('coi-panel-close').addEventListener('click', close);
  if (new URLSearchParams(location.search).get('panel') === 'open') open();
})();
`;
