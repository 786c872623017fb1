using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Payroll;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;
using Partage.App.Modules.Audit;

namespace Partage.App.Modules.Employers.Features;

/// <summary>
/// The monthly DSN the cooperative files for an employer under a complete mandate (the
/// contributions it advances, declared in the employer's name), from the month's validated payslips.
/// </summary>
public sealed class GetStaffDsn(PartageDbContext db, IPayrollApi payroll, EmployerAccounts accounts, IAuditLog audit, TimeProvider clock)
{
    public async Task<DsnDocument> HandleAsync(EmployerId id, string? month, bool test, Actor actor, CancellationToken ct = default)
    {
        var (employer, first) = await ReadAsync(id, month, actor, ct);
        var document = await BuildAsync(employer, first, test, 1, replacement: false, ct);
        await audit.RecordPersonalDataReadAsync(actor, document.FileName, null, ct);
        return document;
    }

    /// <summary>The employer, as the actor may see it, and the declared month's first day; bad input named by field.</summary>
    internal async Task<(Employer Employer, DateOnly First)> ReadAsync(EmployerId id, string? month, Actor actor, CancellationToken ct)
    {
        var employer = await EmployerAsync(id, actor, ct);
        var v = new Validation();
        var declared = v.Month("month", "Le mois déclaré", month, required: true);
        v.ThrowIfInvalid();
        return (employer, declared!.Value.Start);
    }

    internal async Task<Employer> EmployerAsync(EmployerId id, Actor actor, CancellationToken ct) =>
        await db.Set<Employer>().AsNoTracking().Visible(actor).SingleOrDefaultAsync(e => e.Id == id, ct) ?? throw new DomainException(EmployersErrors.NotFound);

    /// <summary>The month's file: its rank among the month's files, and whether it replaces the one deposited.</summary>
    internal async Task<DsnDocument> BuildAsync(Employer employer, DateOnly first, bool test, int ordinal, bool replacement, CancellationToken ct)
    {
        var (id, last) = (employer.Id, first.AddMonths(1).AddDays(-1));
        var mandates = await db.Set<Mandate>().AsNoTracking().Where(m => m.EmployerId == id && m.Kind == MandateKind.Complete && m.SignedOn <= last).ToListAsync(ct);
        if (!mandates.Any(m => m.TerminatedOn is not { } end || end >= first))
        {
            throw new DomainException(EmployersErrors.NotDeclaredByCooperative);
        }

        var period = $"{first.Year:D4}-{first.Month:D2}";
        var payslips = await db.Set<StaffPayslip>().AsNoTracking().Where(p => p.EmployerId == id && p.Period == period && p.Mandate == MandateKind.Complete)
            .OrderBy(p => p.Number).ToListAsync(ct);
        var pending = payslips.Count(p => p.Status == StaffPayslipStatus.Computed);
        if (pending > 0)
        {
            throw new DomainException(EmployersErrors.WrongStatus, $"{pending} bulletin(s) de {period} ne sont pas encore validés : validez-les avant de produire la DSN.");
        }

        var entity = await accounts.EntityAsync(ct);
        var declarant = payroll.DsnDeclarant(entity.Code, entity.Name, entity.Siren);
        var contractIds = payslips.Select(p => p.ContractId).Distinct().ToList();
        var contracts = await db.Set<StaffContract>().AsNoTracking().Where(c => contractIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var personIds = contracts.Values.Select(c => c.StaffMemberId).Distinct().ToList();
        var people = await db.Set<StaffMember>().AsNoTracking().Where(s => personIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var individuals = payslips.GroupBy(p => contracts[p.ContractId].StaffMemberId).Select(byPerson =>
        {
            var person = people[byPerson.Key];
            // The staff's home address is not kept: the DSN's address rubrics are optional and left out.
            return new DsnIndividual(Nir.Parse(person.Nir), person.LastName, person.FirstName, person.BirthDate, person.Id.ToString("N")[..10].ToUpperInvariant(), string.Empty, string.Empty, string.Empty,
                byPerson.GroupBy(p => p.ContractId).Select(byContract =>
                {
                    var contract = contracts[byContract.Key];
                    var months = contract.Months();
                    return new DsnContract(contract.Number, contract.Kind, contract.Cadre, contract.Job, null, contract.Start, contract.End, byContract.Select(p =>
                        new DsnPayslip(p.Number, p.From, p.To, p.PaidOn ?? p.DueOn, p.Result(), Money.Eur(p.Figures.NetTaxableCents), Money.Eur(p.Figures.NetPaidCents), p.Figures.TaxRate,
                            !p.Figures.NeutralTaxRate, Money.Eur(p.Figures.TaxCents), months[p.Period].Hours, months[p.Period].Cachets)).ToList());
                }).ToList()) { BirthPlace = person.BirthPlace, BirthCountry = person.BirthCountry };
        }).OrderBy(i => i.LastName, StringComparer.Ordinal).ThenBy(i => i.FirstName, StringComparer.Ordinal).ToList();
        var catalog = await payroll.CatalogAsync(ct);
        var yearly = await payroll.YearlyContributionsAsync(first, employer.UrssafSiret, "fiche de l'employeur, « SIRET de l'URSSAF »",
            async year => (await db.Set<StaffPayslip>().AsNoTracking().Where(p => p.EmployerId == id && p.Mandate == MandateKind.Complete && p.Period.StartsWith($"{year:D4}-"))
                .ToListAsync(ct)).Select(p => p.Result()).ToList(), ct);
        return await payroll.DsnAsync(new DsnSubmission(first.Year, first.Month, test, clock.Today(),
            new DsnSender(entity.Siren, declarant.Nic, entity.Name, entity.Street, entity.PostalCode, entity.City, declarant.Contact),
            // Under a complete mandate the cooperative's payroll service runs the employer's payroll: it is the contact for the declaration too.
            new DsnEmployer(employer.Siret, employer.Ape, employer.Name, employer.Street, employer.PostalCode, employer.City, employer.CollectiveAgreement, declarant.Contact,
                catalog.Resolve(last).MonthlyHours, declarant.AtRiskCode, employer.AtMpRate, CongesSpectaclesAffiliation(employer.FundReferences), null),
            individuals) { Ordinal = ordinal, Replacement = replacement, EstablishmentContributions = yearly }, ct);
    }

    /// <summary>The employer's Congés Spectacles affiliation as the DSN writes it ("97", the number and its key), when its fund references hold one.</summary>
    private static string? CongesSpectaclesAffiliation(string references) =>
        System.Text.RegularExpressions.Regex.Match(references, @"\b97\d{6,18}\b", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)) is { Success: true } match ? match.Value : null;

    public static void Map(RouteGroupBuilder employers)
    {
        employers.MapGet("/{id:guid}/dsn", async (Guid id, string? month, bool? test, GetStaffDsn handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var dsn = await handler.HandleAsync(EmployerId.From(id), month, test ?? false, await actors.GetAsync(ct), ct);
                return TypedResults.File(dsn.Content, dsn.ContentType, dsn.FileName);
            })
            .WithName("EmployerDsn").WithSummary("La DSN mensuelle de l'employeur (mandat complet), au format NEODeS, depuis les bulletins validés du mois (month=AAAA-MM, test=true pour un envoi d'essai)").ProducesProblems().Produces(StatusCodes.Status200OK, contentType: "text/plain");
    }
}
