using Microsoft.EntityFrameworkCore;
using Partage.App.Modules.Members;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing;

/// <summary>
/// A former member's invoices and quotes are accounting documents (Code de commerce, L123-22), dated by the latest of
/// their issue, their service's end and their making.
/// </summary>
internal sealed class InvoicingRecordKeeper(PartageDbContext db) : IMemberRecordKeeper
{
    public RetainedRecords Kind => RetainedRecords.Accounting;

    public async Task<IReadOnlyDictionary<MemberId, DateOnly>> LastRecordedAsync(IReadOnlyCollection<MemberId> members, CancellationToken ct = default)
    {
        var wanted = members.ToList();
        var invoices = await db.Set<Invoice>().AsNoTracking().Where(i => wanted.Contains(i.MemberId))
            .Select(i => new { i.MemberId, i.IssueDate, i.ServiceTo, i.CreatedAt }).ToListAsync(ct);
        var quotes = await db.Set<Quote>().AsNoTracking().Where(q => wanted.Contains(q.MemberId))
            .Select(q => new { q.MemberId, q.ServiceTo, q.CreatedAt }).ToListAsync(ct);
        var days = invoices.Select(i => (i.MemberId, Day: Latest(i.IssueDate ?? i.ServiceTo, i.ServiceTo, ParisTime.DateOf(i.CreatedAt))))
            .Concat(quotes.Select(q => (q.MemberId, Day: Latest(q.ServiceTo, ParisTime.DateOf(q.CreatedAt)))));
        return days.GroupBy(d => d.MemberId).ToDictionary(g => g.Key, g => g.Max(d => d.Day));
    }

    private static DateOnly Latest(params DateOnly[] days) => days.Max();
}
