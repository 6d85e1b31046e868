// The contact form's timer: while a new contact is open it shows the time spent and fills in
// the minutes (started minutes, at least 1). Once the agent types in the minutes field, the
// timer leaves the field alone (the agent corrects it), but keeps showing the time.
(function () {
    'use strict';

    function start() {
        var minutes = document.querySelector('input[data-timer="on"]');
        var display = document.getElementById('timer');
        if (!minutes || !display) {
            return;
        }
        var label = display.textContent.replace(/[0-9:]+\s*$/, '');
        var started = Date.now();
        var corrected = minutes.value !== '';
        minutes.addEventListener('input', function () {
            corrected = true;
        });

        function tick() {
            var seconds = Math.floor((Date.now() - started) / 1000);
            var mm = Math.floor(seconds / 60);
            var ss = seconds % 60;
            display.textContent = label + (mm < 10 ? '0' : '') + mm + ':' + (ss < 10 ? '0' : '') + ss;
            if (!corrected) {
                minutes.value = String(Math.min(480, Math.max(1, Math.ceil(seconds / 60))));
            }
        }

        tick();
        window.setInterval(tick, 1000);
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}());
