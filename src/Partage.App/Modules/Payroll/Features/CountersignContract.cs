using Microsoft.AspNetCore.Identity;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.Members;
using Partage.App.Modules.Offices;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Payroll;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll.Features;

/// <summary>
/// The cooperative countersigns before the start date: the budget is checked again (held, so that two countersignatures
/// spend it one after the other), the DPAE data is recorded at once, and the employer cost is committed on the
/// activity's budget (8011/8091).
/// </summary>
public sealed class CountersignContract(
    PartageDbContext db, GetJob views, IMembersApi members, IActivitiesApi activities, IOfficesApi offices, ILedgerApi ledger, SignatureCodes codes, UserManager<PartageUser> users,
    IPayrollApi payroll, Microsoft.Extensions.Options.IOptions<PayrollEmployerOptions> employer, ComplianceLog compliance, IAuditLog audit, TimeProvider clock)
{
    public async Task<JobView> HandleAsync(JobId id, SignatureInput input, string? ip, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var job = await views.LoadAsync(id, actor, ct);
        if (!JobsAccess.CanCountersign(actor, job))
        {
            throw new DomainException(PayrollErrors.NotFound);
        }

        var today = clock.Today();
        job.RequireCountersignable(today);

        // The member's independence: someone other than the member validates their contract, even a member who is also staff.
        if (actor.MemberId is { } self && self == job.MemberId)
        {
            await RefuseAsync(job, ComplianceRules.SelfCountersigned, PayrollErrors.SelfCountersignature.Message, actor, ct);
            throw new DomainException(PayrollErrors.SelfCountersignature);
        }

        await RequireNamedManagerAsync(job, actor, ct);

        var member = await members.EmployeeAsync(job.MemberId, ct) ?? throw new DomainException(PayrollErrors.NotFound);
        if (member.Nir is null)
        {
            throw new DomainException(PayrollErrors.DpaeIncomplete);
        }

        // The minimum again: a conventional minimum may have been added or raised from a date since the declaration.
        if ((await payroll.MinimaAsync(employer.Value.CollectiveAgreement ?? string.Empty, ct)).Shortfall(job.TradeCode, job.Start, job.Hours, job.Cachets, Money.Eur(job.GrossCents)) is { } underpaid)
        {
            await RefuseAsync(job, ComplianceRules.Minimum, underpaid, actor, ct);
            throw new DomainException(PayrollErrors.ChecksFailed, underpaid + " Ce contrat ne peut pas être contre-signé : déclarez le travail à nouveau, au bon montant.");
        }

        var signature = await SignatureAsync(job, input, ip, actor, ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var cost = Money.Eur(job.EmployerCostCents);

        // Checked again here, with the budget held: two jobs declared together may each fit and not both.
        if (JobBudget.Shortfall(await ledger.BudgetToSpendAsync(job.ActivityId, ct), cost) is { } shortfall)
        {
            await transaction.RollbackAsync(ct);
            await RefuseAsync(job, ComplianceRules.Budget, shortfall, actor, ct);
            throw new DomainException(PayrollErrors.BudgetExceeded, shortfall + " Le contrat reste signé par le membre ; il pourra être contre-signé quand l'activité aura de quoi le payer.");
        }

        var entry = await ledger.PostAsync(new PostEntryRequest(job.LegalEntityId, "OD", today, $"Engagement — contrat {job.Number}", "job_commitment", job.Id.ToString(),
            $"job:{job.Id}:commitment",
            [
                new PostingLine(await ledger.AccountAsync(job.LegalEntityId, ChartOfAccounts.CommitmentsGiven, ct), Side.Debit, cost, job.ActivityId, $"Contrat {job.Number}"),
                new PostingLine(await ledger.AccountAsync(job.LegalEntityId, ChartOfAccounts.CommitmentsCounterpart, ct), Side.Credit, cost, null, $"Contrat {job.Number}"),
            ], job.Number), actor, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        job.Countersign(actor.Name, now, entry.Id, today, signature);
        audit.Record(actor, "payroll.contract_countersigned", "job", job.Id.ToString(), null, new { job.Number, Dpae = now, CommitmentCents = cost.Cents, signature.Name, signature.Ip, signature.CodeId });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await views.HandleAsync(id, actor, ct);
    }

    /// <summary>
    /// The member's independence in practice: an intermittent's contract is validated by the manager the activity names (or
    /// payroll staff), not by whichever manager of the office is at hand. An activity without one keeps the office's managers.
    /// </summary>
    private async Task RequireNamedManagerAsync(Job job, Actor actor, CancellationToken ct)
    {
        if (job.Kind != EmployeeKind.RegimeGeneral && !PayrollAccess.KeepsPayroll(actor)
            && await activities.FindVisibleAsync(job.ActivityId, actor, ct) is { ManagerId: { } named } activity
            && (actor.UserId is not { } user || (await offices.FindManagerByUserAsync(user, ct))?.Id != named))
        {
            var message = $"Ce contrat d'intermittent est validé par le gestionnaire nommé de l'activité, {activity.ManagerName}, ou par le service paie.";
            await RefuseAsync(job, ComplianceRules.NamedManager, message, actor, ct);
            throw new DomainException(PayrollErrors.NotNamedManager, message);
        }
    }

    private Task RefuseAsync(Job job, string rule, string message, Actor actor, CancellationToken ct) =>
        compliance.RefusedAsync((job.OfficeId, job.MemberId, job.ActivityId, job.Description), job, ComplianceLog.Countersignature, [(rule, message)], actor, ct);

    /// <summary>
    /// The countersigner signs as the member does: the name of their account as typed and the code sent to its address,
    /// spent before the transaction (a spent code stays spent if the countersignature is then refused).
    /// </summary>
    private async Task<(string Name, string? Ip, Guid CodeId)> SignatureAsync(Job job, SignatureInput input, string? ip, Actor actor, CancellationToken ct)
    {
        var account = actor.UserId is { } user ? await users.FindByIdAsync(user.ToString()) : null;
        if (account is null)
        {
            throw new DomainException(PayrollErrors.SignerWithoutAddress);
        }

        var v = new Validation();
        var name = v.Required("Name", "Votre nom (signature)", input.Name, 200);
        if (name is not null && !SignatureCodes.SameName(name, account.DisplayName, string.Empty))
        {
            v.Add("Name", $"Tapez le nom de votre compte : {account.DisplayName}.");
        }

        v.ThrowIfInvalid();
        var code = await codes.SpendAsync(job.Id, Signer.Cooperative, actor.UserId, input.Code, v, ct);
        v.ThrowIfInvalid();
        return (name!, ip, code!.Id);
    }

    public static void Map(RouteGroupBuilder jobs)
    {
        jobs.MapPost("/{id:guid}/countersign", async (Guid id, SignatureInput input, HttpContext http, CountersignContract handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(JobId.From(id), input, http.Connection.RemoteIpAddress?.ToString(), await actors.GetAsync(ct), ct))
            .WithName("CountersignContract").WithSummary("La coopérative contre-signe (service paie ou gestionnaire d'activité) avec son nom et le code reçu par e-mail : budget revérifié, DPAE enregistrée, coût engagé").ProducesProblems();
    }
}
