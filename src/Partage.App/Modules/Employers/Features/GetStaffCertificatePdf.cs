using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Infrastructure.Pdf;
using Partage.App.Modules.Payroll;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Payroll;
using Partage.Persistence;

namespace Partage.App.Modules.Employers.Features;

/// <summary>
/// The employment certificate the cooperative makes for an employer's staff under either mandate
/// at the end of each contract: the AEM of an intermittent, the employer's certificate for France Travail otherwise.
/// </summary>
public sealed class GetStaffCertificatePdf(PartageDbContext db, IPayrollApi payroll, EmployerAccounts accounts, TimeProvider clock)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>
    /// The employment certificate of a contract, once its last payslip is validated: every month's
    /// work (hours, cachets, counted hours), gross pay and unemployment contributions, the end of the
    /// contract and its reason.
    /// </summary>
    public async Task<(string FileName, byte[] Content)> HandleAsync(EmployerId id, Guid contractId, Actor actor, CancellationToken ct = default)
    {
        var employer = await db.Set<Employer>().AsNoTracking().Visible(actor).SingleOrDefaultAsync(e => e.Id == id, ct) ?? throw new DomainException(EmployersErrors.NotFound);
        var contract = await db.Set<StaffContract>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == contractId && c.EmployerId == id, ct)
            ?? throw new DomainException(EmployersErrors.NotFound);
        var payslips = await db.Set<StaffPayslip>().AsNoTracking().Where(p => p.ContractId == contractId).OrderBy(p => p.From).ToListAsync(ct);
        if (!Ready(contract.End, payslips.Select(p => (p.To, p.Status))))
        {
            throw new DomainException(EmployersErrors.WrongStatus, "L'attestation est établie à la fin du contrat, une fois tous ses bulletins validés.");
        }

        var person = await db.Set<StaffMember>().AsNoTracking().SingleAsync(s => s.Id == contract.StaffMemberId, ct);
        var mandate = await db.Set<Mandate>().AsNoTracking().Where(m => m.EmployerId == id && m.SignedOn <= contract.Start).OrderByDescending(m => m.SignedOn).FirstAsync(ct);
        var entity = await accounts.EntityAsync(ct);
        var months = contract.Months();
        var intermittent = contract.Kind != EmployeeKind.RegimeGeneral;
        var catalog = await payroll.CatalogAsync(ct);
        var hoursPerCachet = catalog.ValueOn("heures_par_cachet", contract.Start)
            ?? throw new InvalidOperationException("Aucune valeur du paramètre de paie « heures_par_cachet » n'est en vigueur au début du contrat.");

        using var pdf = new PdfDocumentWriter($"Attestation employeur {contract.Number}", entity.Name);
        pdf.Title(intermittent ? "Attestation d'employeur mensuelle (AEM)" : "Attestation employeur destinée à France Travail");
        pdf.Line(intermittent ? "Intermittent du spectacle — annexes 8 et 10 de l'assurance chômage, à remettre au salarié et à France Travail" : "Fin de contrat de travail, à remettre au salarié et à France Travail");
        pdf.Line($"Employeur : {employer.Name}, SIRET {employer.Siret}, APE {employer.Ape}, {employer.Street}, {employer.PostalCode} {employer.City}", strong: true);
        pdf.Line($"Convention collective : IDCC {employer.CollectiveAgreement} — URSSAF {employer.UrssafReference}{(employer.FundReferences.Length > 0 ? " — caisses : " + employer.FundReferences : string.Empty)}");
        pdf.Line($"Établie par {entity.Name} (SIREN {entity.Siren}), qui gère la paie de l'employeur par mandat {(mandate.Kind == MandateKind.Complete ? "complet" : "partiel")} signé le {mandate.SignedOn:dd/MM/yyyy}.");
        pdf.Space();
        pdf.Line($"Salarié : {person.LastName.ToUpperInvariant()} {person.FirstName}, né(e) le {person.BirthDate:dd/MM/yyyy}, n° de sécurité sociale {Nir.Parse(person.Nir).Formatted}", strong: true);
        pdf.Line($"Contrat {contract.Number} : {(intermittent ? "CDD d'usage" : "CDD")}, {JobLabels.Kind(contract.Kind)}, {contract.Job}{(contract.Event.Length > 0 ? " — " + contract.Event : string.Empty)}{(contract.Cadre ? ", cadre" : string.Empty)}");
        pdf.Line($"Du {contract.Start:dd/MM/yyyy} au {contract.End:dd/MM/yyyy} ; dernier jour travaillé et payé : {contract.End:dd/MM/yyyy}");
        pdf.Line("Motif de fin : fin de contrat à durée déterminée");
        pdf.Space();
        var rows = payslips.Select(p =>
        {
            var month = months[p.Period];
            var (unemploymentBase, unemployment) = Unemployment(p.Result());
            return (Month: month, Counted: month.Hours ?? month.Cachets * hoursPerCachet ?? 0m, Base: unemploymentBase, Contributions: unemployment, Gross: p.Figures.GrossCents, Net: p.Figures.NetPaidCents);
        }).ToList();
        decimal? Hours(IEnumerable<ContractMonth> worked) => worked.Any(m => m.Hours is not null) ? worked.Sum(m => m.Hours) : null;
        int? Cachets(IEnumerable<ContractMonth> worked) => worked.Any(m => m.Cachets is not null) ? worked.Sum(m => m.Cachets) : null;
        var table = rows.Select(r => (IReadOnlyList<string>)[r.Month.Period, $"{r.Month.From:dd}–{r.Month.To:dd}/{r.Month.To:MM}", Number(Hours([r.Month])),
                Cachets([r.Month])?.ToString(French) ?? string.Empty, Number(r.Counted), Money.Eur(r.Gross).ToDisplayString(), Eur(r.Base), Eur(r.Contributions), Money.Eur(r.Net).ToDisplayString()])
            .Append(["Total", string.Empty, Number(Hours(rows.Select(r => r.Month))), Cachets(rows.Select(r => r.Month))?.ToString(French) ?? string.Empty, Number(rows.Sum(r => r.Counted)),
                Money.Eur(rows.Sum(r => r.Gross)).ToDisplayString(), Eur(rows.Sum(r => r.Base)), Eur(rows.Sum(r => r.Contributions)), Money.Eur(rows.Sum(r => r.Net)).ToDisplayString()]);
        pdf.Table(["Mois", "Jours", "Heures", "Cachets", "H. retenues", "Brut", "Base chômage", "Chômage", "Net payé"], [40, 50, 40, 44, 64, 58, 74, 52, 60],
            new HashSet<int> { 2, 3, 4, 5, 6, 7, 8 }, table);
        pdf.Space();
        if (intermittent)
        {
            pdf.Paragraph($"Heures retenues pour l'assurance chômage des annexes 8 et 10 : les heures travaillées, un cachet comptant pour {Number(hoursPerCachet)} heures. Contributions chômage : parts salariale et patronale.");
        }

        pdf.Paragraph($"Fait le {clock.Today():dd/MM/yyyy}, pour l'employeur et par mandat, par {entity.Name}. Le salarié reçoit un exemplaire de cette attestation ; les mêmes données sont transmises par la DSN lorsque la coopérative fait les déclarations de l'employeur.");
        using var output = new MemoryStream();
        pdf.Save(output);
        return ($"attestation-{contract.Number}.pdf", output.ToArray());
    }

    /// <summary>A contract is certified once its last month has a payslip and every payslip is validated.</summary>
    internal static bool Ready(DateOnly contractEnd, IEnumerable<(DateOnly To, StaffPayslipStatus Status)> payslips)
    {
        var all = payslips.ToList();
        return all.Any(p => p.To == contractEnd) && all.All(p => p.Status != StaffPayslipStatus.Computed);
    }

    /// <summary>The unemployment insurance base and contributions (both shares) of a payslip.</summary>
    private static (decimal Base, decimal Contributions) Unemployment(PayrollResult result)
    {
        var lines = result.Lines.Where(l => l.Code == PayslipLabels.Chomage.Code || l.Code == PayslipLabels.ChomageIntermittents.Code).ToList();
        return (lines.Select(l => l.Base).DefaultIfEmpty(0m).Max(), lines.Sum(l => l.EmployeeAmount + l.EmployerAmount));
    }

    private static string Number(decimal? value) => value is { } v ? v.ToString("0.##", French) : string.Empty;

    private static string Eur(decimal amount) => Money.Eur(Rounding.ToCents(amount)).ToDisplayString();

    public static void Map(RouteGroupBuilder employers)
    {
        employers.MapGet("/{id:guid}/contracts/{contract:guid}/certificate.pdf", async (Guid id, Guid contract, GetStaffCertificatePdf handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var (name, content) = await handler.HandleAsync(EmployerId.From(id), contract, await actors.GetAsync(ct), ct);
                return TypedResults.File(content, "application/pdf", name);
            })
            .WithName("StaffCertificatePdf").WithSummary("L'attestation employeur du contrat (AEM d'un intermittent), une fois ses bulletins validés").ProducesProblems().Produces(StatusCodes.Status200OK, contentType: "application/pdf");
    }
}
