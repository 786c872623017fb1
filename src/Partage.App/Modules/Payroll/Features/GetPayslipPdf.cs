using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Members;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Payroll;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll.Features;

public sealed class GetPayslipPdf(PartageDbContext db, GetPayslip views, IMembersApi members, ILegalEntitiesApi entities, IOptions<PayrollEmployerOptions> employer, IOptions<PayrollOptions> options)
{
    /// <summary>The member's "bulletin clarifié" as PDF (<see cref="PayslipDocument"/>).</summary>
    public async Task<(string FileName, byte[] Content)> HandleAsync(PayslipId id, Actor actor, CancellationToken ct = default)
    {
        var payslip = await views.Visible(actor).SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new DomainException(PayrollErrors.NotFound);
        var job = await db.Set<Job>().AsNoTracking().SingleAsync(j => j.Id == payslip.JobId, ct);
        var person = await members.EmployeeAsync(payslip.MemberId, ct) ?? throw new DomainException(PayrollErrors.NotFound);
        var entity = (await entities.ListAsync(ct)).Single(e => e.Id == payslip.LegalEntityId);
        var result = JsonSerializer.Deserialize<PayrollResult>(payslip.ResultJson, PayrollJson.Options)!;
        var month = ContractMonths.Split(job.Start, job.End, job.Hours, job.Cachets, job.GrossCents).Single(m => m.Period == payslip.Period);
        var content = PayslipDocument.Write(new PayslipPrint(payslip.Number, payslip.Period, payslip.From, payslip.To, job.Number, job.Start, job.End,
            entity.Name, $"SIREN {entity.Siren}", $"{entity.Street}, {entity.PostalCode} {entity.City}", $"{person.FirstName} {person.LastName}",
            $"{person.Street}, {person.PostalCode} {person.City}", $"{JobLabels.Kind(job.Kind)}, {Trades.Label(job.TradeCode)}", employer.Value.CollectiveAgreement, result,
            Money.Eur(payslip.Figures.NetBeforeTaxCents), Money.Eur(payslip.Figures.NetTaxableCents), payslip.Figures.TaxRate, payslip.Figures.NeutralTaxRate, Money.Eur(payslip.Figures.TaxCents),
            Money.Eur(payslip.Figures.NetPaidCents), payslip.DueOn, payslip.PaidOn, Money.Eur(payslip.Figures.EmployerCostCents), Money.ZeroEur)
        {
            Establishment = options.Value.Establishment(entity.Code) is { Nic: { } nic, Ape: { } ape, UrssafCode: { } urssaf }
                ? $"SIRET {entity.Siren}{nic}, APE {ape}, cotisations versées à l'URSSAF {urssaf}" : null,
            Hours = month.Hours, Cachets = month.Cachets, Cadre = job.Cadre, Deduction = Money.Eur(payslip.DeductionCents), DeductionLabel = payslip.DeductionLabel,
        });
        return ($"bulletin-{payslip.Number}.pdf", content);
    }

    public static void Map(RouteGroupBuilder payslips)
    {
        payslips.MapGet("/{id:guid}/pdf", async (Guid id, GetPayslipPdf handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var (name, content) = await handler.HandleAsync(PayslipId.From(id), await actors.GetAsync(ct), ct);
                return TypedResults.File(content, "application/pdf", name);
            })
            .WithName("PayslipPdf").WithSummary("Le bulletin de paie clarifié en PDF").ProducesProblems().Produces(StatusCodes.Status200OK, contentType: "application/pdf");
    }
}
