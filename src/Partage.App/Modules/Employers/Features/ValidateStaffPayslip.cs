using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.Payroll;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Employers.Features;

/// <summary>
/// Payroll staff validate a payslip: the advance to the employer is posted (467 of the employer
/// against the net wage and allowances due, 421, and under a complete mandate the contributions
/// and tax, 431, 437, 4421).
/// </summary>
public sealed class ValidateStaffPayslip(PartageDbContext db, GetStaffPayslip views, EmployerAccounts accounts, IPayrollApi payroll, ILedgerApi ledger, IAuditLog audit, TimeProvider clock)
{
    public async Task<StaffPayslipView> HandleAsync(Guid id, Actor actor, CancellationToken ct = default)
    {
        EmployersAccess.RequireManager(actor);
        var payslip = await db.Set<StaffPayslip>().SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new DomainException(EmployersErrors.NotFound);
        payslip.RequireComputed();

        var contract = await db.Set<StaffContract>().AsNoTracking().SingleAsync(c => c.Id == payslip.ContractId, ct);
        var employer = await db.Set<Employer>().AsNoTracking().SingleAsync(e => e.Id == payslip.EmployerId, ct);
        var entity = (await accounts.EntityAsync(ct)).Id;
        async Task<AccountId> Account(string number) => await ledger.AccountAsync(entity, number, ct);
        var lines = new List<PostingLine>
        {
            new(await accounts.AdvancesAsync(entity, employer, ct), Side.Debit, Money.Eur(payslip.AdvanceCents), null, $"Avance paie {payslip.Number}"),
            new(await Account("421"), Side.Credit, Money.Eur(payslip.Figures.NetPaidCents + payslip.AllowancesCents), null, "Net et frais à payer"),
        };
        if (payslip.Mandate == MandateKind.Complete)
        {
            foreach (var (account, amount, text) in payroll.ContributionCredits(payslip.Result(), contract.Kind, Money.Eur(payslip.Figures.ReductionsCents), Money.Eur(payslip.Figures.TaxCents)))
            {
                lines.Add(new PostingLine(await Account(account), Side.Credit, amount, null, text));
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var entry = await ledger.PostAsync(new PostEntryRequest(entity, "PA", payslip.To, $"Paie pour compte de {employer.Name} — {payslip.Number}", "employer_payslip", payslip.Id.ToString(),
            $"employer-payslip:{payslip.Id}", lines, payslip.Number), actor, ct);
        payslip.Validate(entry.Id.Value, clock.GetUtcNow().UtcDateTime, actor.Name);
        audit.Record(actor, "employers.payslip_validated", "employer_payslip", payslip.Id.ToString(), new { Status = StaffPayslipStatus.Computed.ToString() },
            new { payslip.Number, payslip.AdvanceCents, EntryId = entry.Id.ToString() });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await views.HandleAsync(id, actor, ct);
    }

    public static void Map(RouteGroupBuilder payslips)
    {
        payslips.MapPost("/{id:guid}/validate", async (Guid id, ValidateStaffPayslip handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(id, await actors.GetAsync(ct), ct))
            .WithName("ValidateStaffPayslip").WithSummary("Valider un bulletin (service paie) : l'avance à l'employeur est comptabilisée").ProducesProblems();
    }
}
