// The day plan's map: Leaflet without tiles (works offline), drawn from the plan's own list.
// Each technician's section carries its home (data-home="lat,lon") and colour (data-route), each
// visit its place (data-at), in route order; the list stays the accessible alternative.
document.addEventListener('DOMContentLoaded', () => {
    const element = document.getElementById('route-map');
    if (!element || typeof L === 'undefined') {
        return;
    }
    const map = L.map(element, { attributionControl: false, zoomControl: false, scrollWheelZoom: false, zoomSnap: 0.25 });
    L.control.zoom({ zoomInTitle: element.dataset.zoomIn, zoomOutTitle: element.dataset.zoomOut }).addTo(map);
    const place = text => text.split(',').map(Number);
    const still = { interactive: false, keyboard: false };
    const bounds = L.latLngBounds([]);
    document.querySelectorAll('.technician-day[data-home]').forEach(day => {
        const colour = 'route-' + day.dataset.route;
        const home = place(day.dataset.home);
        const route = [home];
        L.marker(home, { ...still, icon: L.divIcon({ className: 'home-marker ' + colour, iconSize: [14, 14] }) }).addTo(map);
        day.querySelectorAll('[data-at]').forEach((visit, index) => {
            const at = place(visit.dataset.at);
            route.push(at);
            L.marker(at, { ...still, icon: L.divIcon({ className: 'stop-marker ' + colour, html: String(index + 1),
                iconSize: [22, 22] }) }).addTo(map);
        });
        if (route.length > 1) {
            route.push(home);
            L.polyline(route, { className: 'route-line ' + colour, interactive: false, weight: 3 }).addTo(map);
        }
        route.forEach(point => bounds.extend(point));
    });
    const fit = () => bounds.isValid() ? map.fitBounds(bounds, { padding: [24, 24], maxZoom: 12 })
        : map.setView([56.2, 9.6], 8);
    fit();
    window.addEventListener('resize', fit);
});
