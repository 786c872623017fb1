using Microsoft.EntityFrameworkCore;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll;

/// <summary>
/// The warning signs a manager weighs before validating an intermittent's contract (the member's independence in
/// practice): what made France Travail judge that a cooperative was not the real employer — the same organiser every
/// time, a show sold to an organiser outside live performance, a member who sells, staffs and directs their own show.
/// They do not refuse the job; they are shown on it and on the compliance page.
/// </summary>
public sealed class JobFlags(PartageDbContext db, ComplianceLog compliance)
{
    /// <summary>From this many consecutive engagements with one organiser, the member looks like its employee.</summary>
    public const int SameOrganiserRun = 3;

    private static readonly string[] DirectingFunctions = ["Metteur en scène", "Réalisateur", "Chorégraphe", "Chef d'orchestre"];

    public async Task FlagAsync(Job job, Actor actor, CancellationToken ct)
    {
        if (job.Production is not { } production)
        {
            return;
        }

        var previous = await db.Set<Job>().AsNoTracking()
            .Where(j => j.MemberId == job.MemberId && j.Status != JobStatus.Cancelled && j.Production != null)
            .OrderByDescending(j => j.Start).Take(SameOrganiserRun - 1).Select(j => j.Production!.OrganiserSiret).ToListAsync(ct);
        if (previous.Count == SameOrganiserRun - 1 && previous.All(siret => siret == production.OrganiserSiret))
        {
            compliance.Flag(job, ComplianceRules.SameOrganiser,
                $"Les {SameOrganiserRun} derniers engagements de ce membre sont pour le même organisateur ({production.OrganiserName}, SIRET {production.OrganiserSiret}) : "
                + "vérifiez que la coopérative est l'employeur réel et non l'intermédiaire de cet organisateur.", actor);
        }

        if (production.OrganiserRole == OrganiserRoles.Cooperative && production.OrganiserIsOccasional)
        {
            compliance.Flag(job, ComplianceRules.OccasionalBuyer,
                $"{production.OrganiserName} (APE {production.OrganiserApe}) n'a ni licence ni activité de spectacle : la coopérative doit réellement produire « {production.Title} » "
                + "et le lui vendre par un contrat de cession ; s'il engage l'artiste pour son propre événement, c'est le GUSO.", actor);
        }

        if (production.OrganiserRole == OrganiserRoles.Cooperative && DirectingFunctions.Any(f => production.Function.StartsWith(f, StringComparison.OrdinalIgnoreCase)))
        {
            compliance.Flag(job, ComplianceRules.SelfDirected,
                $"Le membre vend, distribue et dirige lui-même « {production.Title} » ({production.Function}) : le lien de subordination avec la coopérative "
                + "doit être réel (la direction artistique et les décisions d'engagement relèvent de la coopérative, qui valide ce contrat).", actor);
        }
    }

    /// <summary>The warning signs of each of these jobs, for their views.</summary>
    public async Task<ILookup<JobId, string>> OfAsync(IReadOnlyCollection<JobId> jobs, CancellationToken ct)
    {
        var ids = jobs.Select(j => (JobId?)j).ToList();
        var rows = await db.Set<ComplianceEvent>().AsNoTracking()
            .Where(e => e.Outcome == ComplianceOutcome.Flagged && e.JobId != null && ids.Contains(e.JobId))
            .Select(e => new { e.JobId, e.Reason }).ToListAsync(ct);
        return rows.ToLookup(r => r.JobId!.Value, r => r.Reason);
    }
}
