using Microsoft.EntityFrameworkCore;
using Partage.App.Modules.Members;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll.Features;

/// <summary>One transfer of a batch as staff check it before release: the IBAN shows its last four characters only.</summary>
public sealed record WageBatchLine(string Reference, string Payee, string IbanEnd, Money Amount, string Label);

public sealed record WageBatchDetail(PaymentBatchView Batch, IReadOnlyList<WageBatchLine> Lines)
{
    /// <summary>The lines' sum, shown beside the batch's recorded total: staff release only when both agree.</summary>
    public Money LinesTotal => Lines.Aggregate(Money.ZeroEur, (sum, l) => sum + l.Amount);
}

/// <summary>
/// A wage batch with each transfer it will make — the members' payslips and the employers' staff wages — what payroll
/// staff read before releasing it, and what its SEPA file is written from.
/// </summary>
public sealed class GetWageBatch(PartageDbContext db, IMembersApi members, IEnumerable<IWageSource> otherPayments, ListWageBatches views)
{
    public async Task<WageBatchDetail> HandleAsync(Guid id, Actor actor, CancellationToken ct = default)
    {
        PayrollAccess.RequireStaff(actor);
        var (batch, transfers) = await TransfersAsync(id, ct);
        var lines = transfers.Select(t => new WageBatchLine(t.EndToEndId, t.CreditorName, t.CreditorIban[^4..], Money.FromAmount(t.Amount, Currency.Eur), t.Remittance)).ToList();
        return new WageBatchDetail((await views.ViewsAsync([batch], ct))[0], lines);
    }

    internal async Task<(PaymentBatch Batch, IReadOnlyList<SepaTransfer> Transfers)> TransfersAsync(Guid id, CancellationToken ct)
    {
        var batch = await db.Set<PaymentBatch>().AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct) ?? throw new DomainException(PayrollErrors.NotFound);
        var included = await db.Set<Payslip>().AsNoTracking().Where(p => p.PaymentBatchId == id).OrderBy(p => p.Number).ToListAsync(ct);
        var jobIds = included.Select(p => p.JobId).ToList();
        var jobNumbers = await db.Set<Job>().AsNoTracking().Where(j => jobIds.Contains(j.Id)).ToDictionaryAsync(j => j.Id, j => j.Number, ct);
        var people = await members.EmployeesAsync(included.Select(p => p.MemberId).ToList(), ct);
        var transfers = new List<SepaTransfer>();
        foreach (var payslip in included)
        {
            var person = people[payslip.MemberId];
            transfers.Add(new SepaTransfer(payslip.Number, Money.Eur(payslip.TransferCents).Amount, $"{person.FirstName} {person.LastName}", person.Iban!,
                $"Salaire {payslip.Period} contrat {jobNumbers[payslip.JobId]} bulletin {payslip.Number}"));
        }

        foreach (var source in otherPayments)
        {
            transfers.AddRange((await source.BatchWagesAsync(id, ct)).Select(w => new SepaTransfer(w.Reference, w.Amount.Amount, w.PayeeName, w.Iban, w.Label)));
        }

        return (batch, transfers);
    }
}
