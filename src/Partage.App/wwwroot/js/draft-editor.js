// Totals of an invoice or quote draft, updated while typing. The form works without this script (the server computes
// the same totals on every post); here the figures are computed exactly as the server does: integers (BigInt), each
// line's net rounded to the cent, then the VAT of each rate on the summed bases, half away from zero.
(function () {
    'use strict';
    var table = document.querySelector('[data-draft-lines]');
    var totals = document.querySelector('[data-draft-totals]');
    if (!table || !totals || typeof BigInt !== 'function') { return; }

    // "1 200,50", "1200.5", "1.200,50", "1,200.50": the same shapes the server accepts.
    var shape = /^(\d+|\d{1,3}([ \u00a0\u202f]\d{3})+|\d{1,3}(\.\d{3})+(?=,)|\d{1,3}(,\d{3})+(?=\.))([.,]\d+)?$/;

    // A number scaled by 10^4 (quantities and prices have at most four decimals), or null.
    function parse(text) {
        var s = (text || '').trim();
        if (!shape.test(s)) { return null; }
        var comma = s.lastIndexOf(','), point = s.lastIndexOf('.');
        var group = comma >= 0 && point >= 0 ? (comma > point ? '.' : ',') : ' ';
        s = s.split(group).join('').replace(/\s/g, '').replace(',', '.');
        var parts = s.split('.');
        var decimals = parts[1] || '';
        if (decimals.length > 4) { return null; }
        return BigInt(parts[0]) * 10000n + BigInt((decimals + '0000').slice(0, 4));
    }

    // n / d rounded half away from zero (n, d positive).
    function divide(n, d) { return (n * 2n + d) / (2n * d); }

    function money(cents) {
        var euros = (cents / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
        var rest = (cents % 100n).toString().padStart(2, '0');
        return euros + ',' + rest + '\u00a0€';
    }

    function update() {
        var bases = new Map();
        table.querySelectorAll('tbody tr').forEach(function (row) {
            var q = parse(row.querySelector('[data-quantity]').value);
            var p = parse(row.querySelector('[data-price]').value);
            var vat = row.querySelector('[data-vat]');
            var out = row.querySelector('[data-line-net]');
            if (q === null || p === null || q === 0n || p === 0n) { out.textContent = '—'; return; }
            var net = divide(q * p, 1000000n);
            out.textContent = money(net);
            var rate = vat.options[vat.selectedIndex].getAttribute('data-rate');
            bases.set(rate, (bases.get(rate) || 0n) + net);
        });
        var net = 0n, vatTotal = 0n;
        var body = totals.querySelector('tbody');
        body.querySelectorAll('[data-vat-row]').forEach(function (r) { r.remove(); });
        var grossRow = body.querySelector('[data-total="gross"]').parentElement;
        Array.from(bases.keys()).sort(function (a, b) { return parseFloat(b) - parseFloat(a); }).forEach(function (rate) {
            var basis = bases.get(rate);
            var milli = BigInt(Math.round(parseFloat(rate) * 1000));
            var vat = divide(basis * milli, 100000n);
            net += basis; vatTotal += vat;
            var row = document.createElement('tr');
            row.setAttribute('data-vat-row', '');
            var th = document.createElement('th');
            th.scope = 'row';
            th.textContent = 'TVA ' + rate.replace('.', ',') + ' % sur ' + money(basis);
            var td = document.createElement('td');
            td.className = 'figure';
            td.textContent = money(vat);
            row.append(th, td);
            body.insertBefore(row, grossRow);
        });
        body.querySelector('[data-total="net"]').textContent = money(net);
        body.querySelector('[data-total="gross"]').innerHTML = '<strong>' + money(net + vatTotal) + '</strong>';
    }

    table.addEventListener('input', update);
    table.addEventListener('change', update);
    update();
})();
