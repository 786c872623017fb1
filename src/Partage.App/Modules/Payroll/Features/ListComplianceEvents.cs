using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Members;
using Partage.App.Modules.Offices;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll.Features;

public sealed record ComplianceEventView(
    Guid Id, DateOnly On, string Office, string MemberName, JobId? JobId, string? JobNumber, string Job, ComplianceOutcome Outcome, string Step, string Rule, string RuleLabel,
    string Reason, string By);

/// <summary>
/// The compliance page's list: every job refused or flagged under a rule of employment law, by office and month, latest
/// first. Payroll staff (and administrators) see every office; a manager sees their own; anyone else finds nothing.
/// </summary>
public sealed class ListComplianceEvents(PartageDbContext db, IOfficesApi offices, IMembersApi members, TimeProvider clock)
{
    public async Task<PagedResult<ComplianceEventView>> HandleAsync(string? office, string? month, string? outcome, PageRequest page, Actor actor, CancellationToken ct = default)
    {
        var (officeId, period, wanted) = Read(office, month, outcome, actor);
        var query = db.Set<ComplianceEvent>().AsNoTracking().Where(e => e.On >= period.Start && e.On <= period.End);
        if (officeId is { } o)
        {
            query = query.Where(e => e.OfficeId == o);
        }

        if (wanted is { } w)
        {
            query = query.Where(e => e.Outcome == w);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(e => e.At).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        var officeNames = (await offices.ListOfficesAsync(ct)).ToDictionary(x => x.Id, x => x.Name);
        var people = await members.FindManyAsync(rows.Select(r => r.MemberId).Distinct().ToList(), ct);
        return new PagedResult<ComplianceEventView>(
            rows.Select(e => new ComplianceEventView(e.Id, e.On, officeNames.GetValueOrDefault(e.OfficeId, "?"), people.GetValueOrDefault(e.MemberId)?.FullName ?? "?", e.JobId, e.JobNumber,
                e.Job, e.Outcome, e.Step, e.Rule, ComplianceRules.Label(e.Rule), e.Reason, e.By)).ToList(),
            page.Page, page.Size, total);
    }

    /// <summary>The office (a manager's own, whatever they ask), the month (this one by default) and the outcome wanted.</summary>
    private (OfficeId? Office, PayPeriod Month, ComplianceOutcome? Outcome) Read(string? office, string? month, string? outcome, Actor actor)
    {
        if (!PayrollAccess.KeepsPayroll(actor) && !(actor.IsInRole(Roles.Manager) && actor.ManagedOfficeId is not null))
        {
            throw new DomainException(PayrollErrors.NotFound);
        }

        var v = new Validation();
        var officeId = v.Id<OfficeId>("office", "Le bureau", office, required: false);
        var period = v.Month("month", "Le mois", month, required: false) ?? PayPeriod.Containing(clock.Today());
        ComplianceOutcome? wanted = null;
        if (!string.IsNullOrWhiteSpace(outcome))
        {
            wanted = Enum.TryParse<ComplianceOutcome>(outcome, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
            if (wanted is null)
            {
                v.Add("outcome", "Le résultat est refused (refusé) ou flagged (signalé).");
            }
        }

        v.ThrowIfInvalid();
        return (PayrollAccess.KeepsPayroll(actor) ? officeId : actor.ManagedOfficeId, period, wanted);
    }

    public static void Map(RouteGroupBuilder compliance)
    {
        compliance.MapGet("/events", async (string? office, string? month, string? outcome, int? page, int? pageSize, ListComplianceEvents handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(office, month, outcome, new PageRequest(page, pageSize), await actors.GetAsync(ct), ct))
            .WithName("ListComplianceEvents")
            .WithSummary("Travaux refusés ou signalés (GUSO, fonction, licence, minimum, budget, signes d'alerte), par bureau et par mois")
            .ProducesProblems();
    }
}
