using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Offices;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Employers.Features;

public sealed record MandateView(Guid Id, MandateKind Kind, DateOnly SignedOn, string SignedBy, DateOnly? TerminatedOn, string? TerminationReason, IReadOnlyList<DateRange> Periods);

public sealed record EmployerView(
    EmployerId Id, string Name, EmployerLegalForm LegalForm, EmployerSector Sector, string Siret, string Ape, string CollectiveAgreement, string UrssafReference,
    string FundReferences, decimal AtMpRate, int Headcount, OfficeId OfficeId, string OfficeName, EmployerStatus Status, string Street, string PostalCode, string City,
    string BillingEmail, Money ExposureLimit, IReadOnlyList<MandateView> Mandates)
{
    /// <summary>The SIRET of the employer's URSSAF, when given (the yearly contributions of its DSN need it).</summary>
    public string? UrssafSiret { get; init; }

    public string? LicenceNumber { get; init; }

    public DateOnly? LicenceValidUntil { get; init; }

    public MandateView? CurrentMandate(DateOnly today) => Mandates.LastOrDefault(m => m.SignedOn <= today && (m.TerminatedOn is not { } last || last >= today));
}

/// <summary>An employer's record and the history of its mandates: payroll staff, or the employer's own account (anyone else: 404).</summary>
public sealed class GetEmployer(PartageDbContext db, IOfficesApi offices, TimeProvider clock)
{
    private DateOnly Today => clock.Today();

    public async Task<EmployerView> HandleAsync(EmployerId id, Actor actor, CancellationToken ct = default) =>
        (await ViewsAsync(await db.Set<Employer>().AsNoTracking().Visible(actor).Where(e => e.Id == id).ToListAsync(ct), ct)).SingleOrDefault()
        ?? throw new DomainException(EmployersErrors.NotFound);


    /// <summary>The views of employer rows, with their office and mandates.</summary>
    internal async Task<IReadOnlyList<EmployerView>> ViewsAsync(IReadOnlyList<Employer> rows, CancellationToken ct)
    {
        var ids = rows.Select(e => e.Id).ToList();
        var mandates = (await db.Set<Mandate>().AsNoTracking().Where(m => ids.Contains(m.EmployerId)).ToListAsync(ct)).ToLookup(m => m.EmployerId);
        var officeNames = (await offices.ListOfficesAsync(ct)).ToDictionary(o => o.Id, o => o.Name);
        return rows.Select(e => new EmployerView(e.Id, e.Name, e.LegalForm, e.Sector, e.Siret, e.Ape, e.CollectiveAgreement, e.UrssafReference, e.FundReferences, e.AtMpRate,
            e.Headcount, e.OfficeId, officeNames.GetValueOrDefault(e.OfficeId, "?"), e.Status, e.Street, e.PostalCode, e.City, e.BillingEmail, Money.Eur(e.ExposureLimitCents),
            mandates[e.Id].OrderBy(m => m.SignedOn).Select(m => new MandateView(m.Id, m.Kind, m.SignedOn, m.SignedBy, m.TerminatedOn, m.TerminationReason, m.Periods(Today))).ToList())
            {
                UrssafSiret = e.UrssafSiret,
                LicenceNumber = e.LicenceNumber,
                LicenceValidUntil = e.LicenceValidUntil,
            })
            .ToList();
    }

    public static void Map(RouteGroupBuilder employers)
    {
        employers.MapGet("/{id:guid}", async (Guid id, GetEmployer find, ActorAccessor actors, CancellationToken ct) =>
                await find.HandleAsync(EmployerId.From(id), await actors.GetAsync(ct), ct))
            .WithName("GetEmployer").WithSummary("Un employeur et l'historique de ses mandats").ProducesProblems();
    }
}
