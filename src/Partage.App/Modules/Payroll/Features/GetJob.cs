using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Activities;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Members;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Payroll;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll.Features;

public sealed record JobView(
    JobId Id, string Number, ActivityId ActivityId, string ActivityName, string MemberName, string EntityCode, EmployeeKind Kind, bool Cadre, string Trade,
    string Description, string Place, DateOnly Start, DateOnly End, decimal? Hours, int? Cachets, Money Gross, Money EmployerCost, Money Net, string UsageReason,
    JobStatus Status, DateTime? MemberSignedAt, string? MemberSignatureName, DateTime? CountersignedAt, string? CountersignedBy, DateTime? DpaeRecordedAt, DateOnly PayDay)
{
    /// <summary>Why a régime général CDD's end-of-contract indemnity is not due (student_holidays, cdi_refused), if so.</summary>
    public string? PrecarityExemption { get; init; }

    /// <summary>The signatures' evidence: how each was made (null until signed).</summary>
    public SignatureEvidence? Evidence { get; init; }

    /// <summary>An intermittent's function, show or recording and organiser; null for the régime général.</summary>
    public JobProduction? Production { get; init; }

    /// <summary>Why the contract was sent back to the member (the job is then cancelled).</summary>
    public string? ReturnReason { get; init; }

    /// <summary>The warning signs the manager weighs before countersigning (<see cref="JobFlags"/>).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>The clauses' fingerprint, and for each signature the address it came from and the number of the one-time code typed.</summary>
public sealed record SignatureEvidence(string? SignedTermsSha256, string? MemberIp, Guid? MemberCodeId, string? CountersignatureName, string? CountersignatureIp, Guid? CountersignatureCodeId);

/// <summary>A job and its contract, as the member, their manager or payroll staff may see it; loading and viewing jobs for the other use cases.</summary>
public sealed class GetJob(PartageDbContext db, IActivitiesApi activities, IMembersApi members, ILegalEntitiesApi entities, JobFlags flags, IOptions<PayrollOptions> options)
{
    public async Task<JobView> HandleAsync(JobId id, Actor actor, CancellationToken ct = default) =>
        (await ViewsAsync([await LoadAsync(id, actor, ct)], ct))[0];

    internal async Task<Job> LoadAsync(JobId id, Actor actor, CancellationToken ct) =>
        await db.Set<Job>().Visible(actor).SingleOrDefaultAsync(j => j.Id == id, ct) ?? throw new DomainException(PayrollErrors.NotFound);

    internal async Task<IReadOnlyList<JobView>> ViewsAsync(IReadOnlyList<Job> jobs, CancellationToken ct)
    {
        var people = await members.FindManyAsync(jobs.Select(j => j.MemberId).Distinct().ToList(), ct);
        var codes = await entities.CodesAsync(ct);
        var names = await activities.NamesAsync(jobs.Select(j => j.ActivityId).ToList(), ct);
        var warnings = await flags.OfAsync(jobs.Select(j => j.Id).ToList(), ct);

        return jobs.Select(j => new JobView(j.Id, j.Number, j.ActivityId, names.GetValueOrDefault(j.ActivityId, "?"), people.GetValueOrDefault(j.MemberId)?.FullName ?? "?", codes[j.LegalEntityId],
            j.Kind, j.Cadre, Trades.Label(j.TradeCode), j.Description, j.Place, j.Start, j.End, j.Hours, j.Cachets, Money.Eur(j.GrossCents), Money.Eur(j.EmployerCostCents),
            Money.Eur(j.NetCents), j.UsageReason, j.Status, j.MemberSignedAt, j.MemberSignatureName, j.CountersignedAt, j.CountersignedBy, j.DpaeRecordedAt,
            j.PayDay(options.Value.PayDelayDays))
        {
            PrecarityExemption = j.PrecarityExemption,
            Production = j.Production,
            ReturnReason = j.ReturnReason,
            Warnings = warnings[j.Id].ToList(),
            Evidence = j.MemberSignatureCodeId is null ? null
                : new SignatureEvidence(j.SignedTermsSha256, j.MemberSignatureIp, j.MemberSignatureCodeId, j.CountersignatureName, j.CountersignatureIp, j.CountersignatureCodeId),
        }).ToList();
    }

    public static void Map(RouteGroupBuilder jobs)
    {
        jobs.MapGet("/{id:guid}", async (Guid id, GetJob handler, ActorAccessor actors, CancellationToken ct) => await handler.HandleAsync(JobId.From(id), await actors.GetAsync(ct), ct))
            .WithName("GetJob").WithSummary("Un travail et son contrat").ProducesProblems();
    }
}
