// Video reports: the <video> element lists the HLS master first, which browsers with native HLS
// (Safari, iOS, most Android) play as it is, then the MP4, which every other browser plays
// without any script. Where HLS is not native but Media Source Extensions are, this loads the
// vendored hls.js light build (hls/hls.light.min.js: hls.js 1.7.4 from the npm registry,
// unchanged, Apache-2.0, see hls/LICENSE.txt) from this site, so the player can adapt to the
// connection. Nothing is requested from another host.
(function () {
  'use strict';
  var videos = document.querySelectorAll('video[data-hls]');
  var me = document.currentScript;
  if (!videos.length || !me) return;
  Array.prototype.forEach.call(videos, scrubbingPreviews);
  if (document.createElement('video').canPlayType('application/vnd.apple.mpegurl')) {
    Array.prototype.forEach.call(videos, oneEntryPerLanguage);
    return;
  }
  if (!window.MediaSource && !window.ManagedMediaSource) return;
  var script = document.createElement('script');
  script.src = me.getAttribute('data-hls-js');
  script.onload = function () {
    var Hls = window.Hls;
    if (!Hls || !Hls.isSupported()) return;
    Array.prototype.forEach.call(videos, function (video) {
      // No worker: it would need a blob: script, which the page's policy does not allow.
      var hls = new Hls({ enableWorker: false, capLevelToPlayerSize: true });
      var fallback = video.currentSrc;
      hls.on(Hls.Events.ERROR, function (_event, data) {
        if (!data.fatal) return;
        // Back to the MP4 (or the upload) the element had chosen.
        hls.destroy();
        if (fallback) video.src = fallback;
      });
      hls.loadSource(video.getAttribute('data-hls'));
      hls.attachMedia(video);
    });
  };
  document.head.appendChild(script);

  // While the reader drags the timeline (or keys through it), the storyboard's thumbnail of
  // that moment shows over the picture until the frame itself arrives. The storyboard is a
  // WebVTT track whose cues name a rectangle of one sprite image (`sprite.jpg#xywh=x,y,w,h`).
  function scrubbingPreviews(video) {
    var element = video.querySelector('track[data-storyboard]');
    if (!element || !element.track) return;
    var track = element.track;
    track.mode = 'hidden';
    var preview = document.createElement('div');
    preview.className = 'scrub-preview';
    preview.hidden = true;
    preview.setAttribute('aria-hidden', 'true');
    video.parentNode.appendChild(preview);
    var hiding = 0;
    video.addEventListener('seeking', function () {
      var cues = track.cues;
      if (!cues) return;
      for (var i = 0; i < cues.length; i++) {
        if (cues[i].startTime <= video.currentTime && video.currentTime < cues[i].endTime) {
          show(cues[i].text);
          return;
        }
      }
    });
    video.addEventListener('seeked', function () {
      clearTimeout(hiding);
      hiding = setTimeout(function () { preview.hidden = true; }, 400);
    });
    function show(text) {
      var match = /^(.+)#xywh=(\d+),(\d+),(\d+),(\d+)$/.exec(text.trim());
      if (!match) return;
      clearTimeout(hiding);
      var style = preview.style;
      style.backgroundImage = 'url("' + new URL(match[1], element.src).href + '")';
      style.backgroundPosition = '-' + match[2] + 'px -' + match[3] + 'px';
      style.width = match[4] + 'px';
      style.height = match[5] + 'px';
      preview.hidden = false;
    }
  }

  // The master playlist lists every edition's captions too, and native HLS players (Safari)
  // add those as tracks of their own: the page's <track> of the same language goes, so the
  // captions menu has one entry per language. Where the playlist brings none (or no script
  // runs), the page's tracks stay.
  function oneEntryPerLanguage(video) {
    if (!video.textTracks || !video.textTracks.addEventListener) return;
    video.textTracks.addEventListener('addtrack', function (event) {
      var added = event.track;
      var language = (added.language || '').toLowerCase();
      Array.prototype.forEach.call(video.querySelectorAll('track'), function (element) {
        if (element.track === added || !language || element.srclang.toLowerCase() !== language) return;
        if (element.default) added.mode = 'showing';
        element.parentNode.removeChild(element);
      });
    });
  }
})();
