using Microsoft.EntityFrameworkCore;
using Partage.App.Modules.Members;
using Partage.App.Modules.Payroll;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Purchases.Features;

/// <summary>
/// The approved expense notes as Payroll's day's SEPA batches reimburse them (its <see cref="IWageSource"/>): every
/// approved note joins the next batch of its entity, paid to the member's IBAN (a member without one waits until
/// they give it); the release debits 421, where the approval credited what was owed, and the notes become reimbursed.
/// </summary>
public sealed class ExpenseReimbursements(PartageDbContext db, IMembersApi members) : IWageSource
{
    public Task<int> ComputeDueAsync(DateOnly until, Actor actor, CancellationToken ct = default) => Task.FromResult(0);

    public async Task<IReadOnlyList<DueWage>> DueWagesAsync(DateOnly until, CancellationToken ct = default) =>
        await PaymentsAsync(db.Set<ExpenseNote>().Where(n => n.Status == ExpenseNoteStatus.Approved && n.PaymentBatchId == null), ct);

    public Task<int> JoinBatchAsync(Guid batch, IReadOnlyCollection<Guid> wages, CancellationToken ct = default)
    {
        var ids = wages.Select(ExpenseNoteId.From).ToList();
        return db.Set<ExpenseNote>().Where(n => ids.Contains(n.Id) && n.PaymentBatchId == null && n.Status == ExpenseNoteStatus.Approved)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.PaymentBatchId, batch), ct);
    }

    public async Task<IReadOnlyList<DueWage>> BatchWagesAsync(Guid batch, CancellationToken ct = default) =>
        await PaymentsAsync(db.Set<ExpenseNote>().Where(n => n.PaymentBatchId == batch), ct);

    public async Task WagesPaidAsync(Guid batch, DateOnly paidOn, CancellationToken ct = default)
    {
        foreach (var note in await db.Set<ExpenseNote>().Where(n => n.PaymentBatchId == batch && n.Status == ExpenseNoteStatus.Approved).ToListAsync(ct))
        {
            note.MarkPaid(paidOn);
        }
    }

    private async Task<IReadOnlyList<DueWage>> PaymentsAsync(IQueryable<ExpenseNote> query, CancellationToken ct)
    {
        var notes = await query.AsNoTracking().OrderBy(n => n.Number).ToListAsync(ct);
        var people = await members.EmployeesAsync(notes.Select(n => n.MemberId).ToList(), ct);
        return notes.Where(n => people.GetValueOrDefault(n.MemberId)?.Iban is not null)
            .Select(n => (Note: n, Person: people[n.MemberId]))
            .Select(x => new DueWage(x.Note.Id.Value, x.Note.LegalEntityId, $"{x.Person.FirstName} {x.Person.LastName}", x.Person.Iban!, x.Note.Amount, x.Note.Number!,
                $"Note de frais {x.Note.Number} du {x.Note.Date:dd/MM/yyyy}"))
            .ToList();
    }
}
