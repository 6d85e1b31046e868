// The alarm list's sound: a short double tone when an alarm nobody has taken appears in the list
// (the list is fetched again on each server-sent change). The button turns the sound on and off;
// the choice is kept in this browser. Browsers allow sound only after the user has used the page,
// so the first click or key press anywhere unlocks it.
(function () {
    'use strict';

    var KEY = 'fsc.alarmSound';

    function start() {
        var button = document.getElementById('alarm-sound');
        if (!button) {
            return;
        }
        var audio = null;
        var seen = newAlarms();

        function on() {
            return localStorage.getItem(KEY) !== 'off';
        }

        function show() {
            button.setAttribute('aria-pressed', on() ? 'true' : 'false');
            button.textContent = on() ? button.dataset.on : button.dataset.off;
        }

        function unlock() {
            if (!audio && window.AudioContext) {
                audio = new AudioContext();
            }
            if (audio && audio.state === 'suspended') {
                audio.resume();
            }
        }

        function beep() {
            button.dataset.beeps = String(Number(button.dataset.beeps || '0') + 1);
            if (!audio || !on()) {
                return;
            }
            [0, 0.3].forEach(function (offset) {
                var tone = audio.createOscillator();
                var volume = audio.createGain();
                tone.frequency.value = 880;
                volume.gain.value = 0.2;
                tone.connect(volume).connect(audio.destination);
                tone.start(audio.currentTime + offset);
                tone.stop(audio.currentTime + offset + 0.2);
            });
        }

        button.addEventListener('click', function () {
            localStorage.setItem(KEY, on() ? 'off' : 'on');
            show();
        });
        document.addEventListener('click', unlock);
        document.addEventListener('keydown', unlock);
        document.body.addEventListener('htmx:afterSettle', function () {
            var now = newAlarms();
            var fresh = Object.keys(now).some(function (id) {
                return !seen[id];
            });
            seen = now;
            if (fresh) {
                beep();
            }
        });
        show();
    }

    // The ids of the alarms in the list that nobody has taken yet.
    function newAlarms() {
        var ids = {};
        document.querySelectorAll('#alarm-list tr[data-untaken]').forEach(function (row) {
            ids[row.id] = true;
        });
        return ids;
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
})();
