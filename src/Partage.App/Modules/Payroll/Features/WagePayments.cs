using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Partage.App.Infrastructure.Database;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Members;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll.Features;

public sealed record PayrollRun(DateOnly Until, int Computed, int AutoValidated, int Batches, int Payments, Money Total, int WithoutIban)
{
    public string Summary => $"{Computed} bulletins calculés ({AutoValidated} validés automatiquement) ; {Batches} lots de virement, {Payments} salaires, {Total.ToDisplayString()} ; {WithoutIban} sans IBAN.";
}

public sealed record PaymentBatchView(Guid Id, string Number, string EntityCode, DateOnly ExecutionDate, int Count, Money Total, PaymentBatchStatus Status, DateTime? ReleasedAt, string? ReleasedBy);

/// <summary>
/// Net wages are paid on their pay day (end of the service + 7 days): each day's due wages — the
/// members' and the staff of employers under a payroll mandate — are put into one SEPA batch per
/// entity; a payslip joins one batch only, so a re-run never pays it twice.
/// Releasing a batch posts the payment (421 against 512) and makes its pain.001 file available.
/// </summary>
public sealed class WagePayments(
    PartageDbContext db, ComputePayslips payslips, IMembersApi members, IWageSource staffWages, ILegalEntitiesApi entities, ILedgerApi ledger, NumberSeries numbers, IAuditLog audit,
    IOptions<PayrollOptions> options, TimeProvider clock)
{
    /// <summary>
    /// Computes what ended, then batches the validated wages due on or before <paramref name="until"/>:
    /// the scheduler's daily run (`partage payroll run --until DATE`); running it again changes nothing.
    /// </summary>
    public async Task<PayrollRun> RunAsync(DateOnly until, Actor actor, CancellationToken ct = default)
    {
        PayrollAccess.RequireStaff(actor);
        var (computed, autoValidated) = await payslips.HandleAsync(until, actor, ct);
        computed += await staffWages.ComputeDueAsync(until, actor, ct);
        var due = await db.Set<Payslip>().AsNoTracking().Where(p => p.Status == PayslipStatus.Validated && p.PaymentBatchId == null && p.DueOn <= until)
            .Select(p => new { p.Id, p.MemberId, p.LegalEntityId, p.NetPaidCents }).ToListAsync(ct);
        var identities = await members.EmployeesAsync(due.Select(p => p.MemberId).ToList(), ct);
        var payable = due.Where(p => identities.GetValueOrDefault(p.MemberId)?.Iban is not null).Select(p => (Id: p.Id.Value, p.LegalEntityId, p.NetPaidCents, Staff: false))
            .Concat((await staffWages.DueWagesAsync(until, ct)).Select(w => (w.Id, w.LegalEntityId, NetPaidCents: w.Amount.Cents, Staff: true))).ToList();
        var codes = (await entities.ListAsync(ct)).ToDictionary(e => e.Id, e => e.Code);
        var (batches, total) = (0, Money.ZeroEur);
        foreach (var group in payable.GroupBy(p => p.LegalEntityId))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var batch = new PaymentBatch
            {
                Id = Guid.CreateVersion7(), Number = $"VIR-{codes[group.Key]}-{until.Year}-{await numbers.NextAsync($"wages:{codes[group.Key]}:{until.Year}", ct):D6}",
                LegalEntityId = group.Key, ExecutionDate = until, Count = group.Count(), TotalCents = group.Sum(p => p.NetPaidCents), Status = PaymentBatchStatus.Built,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Add(batch);
            audit.Record(actor, "payroll.batch_built", "payment_batch", batch.Id.ToString(), null, new { batch.Number, batch.Count, batch.TotalCents });
            await db.SaveChangesAsync(ct);
            foreach (var ids in group.Where(p => !p.Staff).Select(p => PayslipId.From(p.Id)).Chunk(1_000))
            {
                // Only payslips still outside any batch join it: a concurrent run cannot pay one twice.
                var joined = await db.Set<Payslip>().Where(p => ids.Contains(p.Id) && p.PaymentBatchId == null)
                    .ExecuteUpdateAsync(u => u.SetProperty(p => p.PaymentBatchId, batch.Id), ct);
                RequireAllJoined(joined, ids.Length);
            }

            var staff = group.Where(p => p.Staff).Select(p => p.Id).ToList();
            if (staff.Count > 0)
            {
                RequireAllJoined(await staffWages.JoinBatchAsync(batch.Id, staff, ct), staff.Count);
            }

            await transaction.CommitAsync(ct);
            (batches, total) = (batches + 1, total + Money.Eur(batch.TotalCents));
        }

        return new PayrollRun(until, computed, autoValidated, batches, payable.Count, total, due.Count - payable.Count(p => !p.Staff));
    }

    private static void RequireAllJoined(int joined, int expected)
    {
        if (joined != expected)
        {
            throw new DomainException(PayrollErrors.WrongJobStatus, "Des salaires ont été mis dans un autre lot pendant la préparation : relancez la paie.");
        }
    }

    /// <summary>Releases a batch to the bank: the payment is posted once (421 against 512) and its payslips are paid on the execution date.</summary>
    public async Task<PaymentBatchView> ReleaseAsync(Guid id, Actor actor, CancellationToken ct = default)
    {
        PayrollAccess.RequireStaff(actor);
        var batch = await db.Set<PaymentBatch>().SingleOrDefaultAsync(b => b.Id == id, ct) ?? throw new DomainException(PayrollErrors.NotFound);
        if (batch.Status != PaymentBatchStatus.Built)
        {
            throw new DomainException(PayrollErrors.WrongJobStatus, "Ce lot de virements est déjà libéré.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var total = Money.Eur(batch.TotalCents);
        var entry = await ledger.PostAsync(new PostEntryRequest(batch.LegalEntityId, "BQ", batch.ExecutionDate, $"Virement des salaires {batch.Number}", "wage_batch", batch.Id.ToString(),
            $"wages:{batch.Id}",
            [
                new PostingLine(await ledger.AccountAsync(batch.LegalEntityId, "421", ct), Side.Debit, total, null, $"{batch.Count} salaires nets"),
                new PostingLine(await ledger.AccountAsync(batch.LegalEntityId, ChartOfAccounts.Bank, ct), Side.Credit, total, null, batch.Number),
            ], batch.Number), actor, ct);
        await db.Set<Payslip>().Where(p => p.PaymentBatchId == id)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, PayslipStatus.Paid).SetProperty(p => p.PaidOn, batch.ExecutionDate), ct);
        await staffWages.WagesPaidAsync(id, batch.ExecutionDate, ct);

        batch.Status = PaymentBatchStatus.Released;
        batch.ReleasedAt = clock.GetUtcNow().UtcDateTime;
        batch.ReleasedBy = actor.Name;
        batch.PaymentEntryId = entry.Id;
        audit.Record(actor, "payroll.batch_released", "payment_batch", batch.Id.ToString(), new { Status = PaymentBatchStatus.Built }, new { batch.Number, batch.TotalCents, EntryId = entry.Id.ToString() });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (await ViewsAsync([batch], ct))[0];
    }

    public async Task<IReadOnlyList<PaymentBatchView>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        PayrollAccess.RequireStaff(actor);
        return await ViewsAsync(await db.Set<PaymentBatch>().AsNoTracking().OrderByDescending(b => b.ExecutionDate).ThenByDescending(b => b.Number).Take(200).ToListAsync(ct), ct);
    }

    /// <summary>The pain.001.001.09 file of a released batch.</summary>
    public async Task<(string FileName, byte[] Content)> SepaFileAsync(Guid id, Actor actor, CancellationToken ct = default)
    {
        PayrollAccess.RequireStaff(actor);
        var batch = await db.Set<PaymentBatch>().AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct) ?? throw new DomainException(PayrollErrors.NotFound);
        if (batch.Status != PaymentBatchStatus.Released)
        {
            throw new DomainException(PayrollErrors.WrongJobStatus, "Le fichier de virement d'un lot n'existe qu'une fois le lot libéré.");
        }

        var included = await db.Set<Payslip>().AsNoTracking().Where(p => p.PaymentBatchId == id).OrderBy(p => p.Number).ToListAsync(ct);
        var jobIds = included.Select(p => p.JobId).ToList();
        var jobNumbers = await db.Set<Job>().AsNoTracking().Where(j => jobIds.Contains(j.Id)).ToDictionaryAsync(j => j.Id, j => j.Number, ct);
        var entity = (await entities.ListAsync(ct)).Single(e => e.Id == batch.LegalEntityId);
        var people = await members.EmployeesAsync(included.Select(p => p.MemberId).ToList(), ct);
        var transfers = new List<SepaTransfer>();
        foreach (var payslip in included)
        {
            var person = people[payslip.MemberId];
            transfers.Add(new SepaTransfer(payslip.Number, Money.Eur(payslip.NetPaidCents).Amount, $"{person.FirstName} {person.LastName}", person.Iban!,
                $"Salaire {payslip.Period} contrat {jobNumbers[payslip.JobId]} bulletin {payslip.Number}"));
        }

        transfers.AddRange((await staffWages.BatchWagesAsync(id, ct)).Select(w => new SepaTransfer(w.Reference, w.Amount.Amount, w.PayeeName, w.Iban, w.Label)));
        var content = SepaCreditTransfer.Write(new SepaBatch(batch.Number, batch.ReleasedAt ?? batch.CreatedAt, batch.ExecutionDate, entity.Name, entity.City, entity.Country,
            options.Value.Iban, options.Value.Bic, transfers));
        return ($"{batch.Number}.xml", content);
    }

    /// <summary>Writes the SEPA file of every released batch into <paramref name="folder"/> (`partage payments export --out DIR`); files already there are rewritten identically.</summary>
    public async Task<IReadOnlyList<string>> ExportAsync(string folder, Actor actor, CancellationToken ct = default)
    {
        PayrollAccess.RequireStaff(actor);
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        foreach (var id in await db.Set<PaymentBatch>().AsNoTracking().Where(b => b.Status == PaymentBatchStatus.Released).OrderBy(b => b.Number).Select(b => b.Id).ToListAsync(ct))
        {
            var (name, content) = await SepaFileAsync(id, actor, ct);
            var path = Path.Combine(folder, name);
            await File.WriteAllBytesAsync(path, content, ct);
            written.Add(path);
        }

        return written;
    }

    private async Task<IReadOnlyList<PaymentBatchView>> ViewsAsync(IReadOnlyList<PaymentBatch> batches, CancellationToken ct)
    {
        var codes = (await entities.ListAsync(ct)).ToDictionary(e => e.Id, e => e.Code);
        return batches.Select(b => new PaymentBatchView(b.Id, b.Number, codes[b.LegalEntityId], b.ExecutionDate, b.Count, Money.Eur(b.TotalCents), b.Status, b.ReleasedAt, b.ReleasedBy)).ToList();
    }

    public static void Map(RouteGroupBuilder staff)
    {
        staff.MapPost("/runs", async (PayrollRunInput input, Features.WagePayments payments, ActorAccessor actors, TimeProvider clock, CancellationToken ct) =>
            {
                var v = new Infrastructure.Validation();
                var until = v.Date("until", "La date", input.Until, required: false) ?? clock.Today();
                v.ThrowIfInvalid();
                return await payments.RunAsync(until, await actors.GetAsync(ct), ct);
            })
            .WithName("PayrollRun").WithSummary("Calcule les bulletins des travaux terminés et prépare les lots de virement des salaires dus (relançable sans effet)").ProducesProblems();
        staff.MapGet("/batches", async (Features.WagePayments payments, ActorAccessor actors, CancellationToken ct) => await payments.ListAsync(await actors.GetAsync(ct), ct))
            .WithName("PaymentBatches").WithSummary("Les lots de virement des salaires").ProducesProblems();
        staff.MapPost("/batches/{id:guid}/release", async (Guid id, Features.WagePayments payments, ActorAccessor actors, CancellationToken ct) =>
                await payments.ReleaseAsync(id, await actors.GetAsync(ct), ct))
            .WithName("ReleaseBatch").WithSummary("Libérer un lot : paiement comptabilisé, fichier SEPA disponible").ProducesProblems();
        staff.MapGet("/batches/{id:guid}/sepa.xml", async (Guid id, Features.WagePayments payments, ActorAccessor actors, CancellationToken ct) =>
            {
                var (name, content) = await payments.SepaFileAsync(id, await actors.GetAsync(ct), ct);
                return TypedResults.File(content, "application/xml", name);
            })
            .WithName("BatchSepaFile").WithSummary("Le virement SEPA (pain.001.001.09) d'un lot libéré").ProducesProblems().Produces(StatusCodes.Status200OK, contentType: "application/xml");
    }
}
