using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Employers.Features;
using Partage.App.Modules.Invoicing;
using Partage.App.Modules.Payroll;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Employers;

public sealed record LinkUserInput(string? Email);

public sealed record StatusInput(bool Active);

public static class EmployersModule
{
    public static IServiceCollection AddEmployers(this IServiceCollection services) =>
        services.AddScoped<EmployersApi>()
            .AddScoped<IEmployersApi>(sp => sp.GetRequiredService<EmployersApi>())
            .AddScoped<IWageSource>(sp => sp.GetRequiredService<EmployersApi>())
            .AddScoped<IHiringSource>(sp => sp.GetRequiredService<EmployersApi>())
            .AddScoped<IReceivableSource>(sp => sp.GetRequiredService<EmployersApi>())
            .AddScoped<Features.Employers>()
            .AddScoped<StaffContracts>()
            .AddScoped<StaffPayroll>()
            .AddScoped<StaffDeclarations>()
            .AddScoped<EmployerInvoices>()
            .AddScoped<ServiceReport>();

    public static void MapEmployersEndpoints(RouteGroupBuilder api)
    {
        var employers = api.MapGroup("/employers").WithTags("Gestion de contrats");
        employers.MapGet("/", async (string? search, string? status, string? legalForm, string? sector, int? page, int? size, Features.Employers list, ActorAccessor actors, CancellationToken ct) =>
                await list.ListAsync(search, status, legalForm, sector, new PageRequest(page, size), await actors.GetAsync(ct), ct))
            .WithName("ListEmployers").WithSummary("Les employeurs du service de gestion de contrats (un compte employeur : le sien seulement)").ProducesProblems();
        employers.MapPost("/", async (EmployerInput input, Features.Employers create, ActorAccessor actors, CancellationToken ct) =>
            {
                var employer = await create.CreateAsync(input, await actors.GetAsync(ct), ct);
                return Results.Created($"/api/v1/employers/{employer.Id}", employer);
            })
            .WithName("CreateEmployer").WithSummary("Inscrire un employeur (service paie)").ProducesProblems();
        employers.MapGet("/report", async (int? year, ServiceReport report, ActorAccessor actors, CancellationToken ct) => await report.ForYearAsync(year, await actors.GetAsync(ct), ct))
            .WithName("ContractManagementReport").WithSummary("Le rapport du service : chiffre d'affaires par année et par bureau, employeurs par forme, secteur, mandat, actifs (personnel de la coopérative)").ProducesProblems();
        employers.MapGet("/{id:guid}", async (Guid id, Features.Employers find, ActorAccessor actors, CancellationToken ct) =>
                await find.FindAsync(EmployerId.From(id), await actors.GetAsync(ct), ct))
            .WithName("GetEmployer").WithSummary("Un employeur et l'historique de ses mandats").ProducesProblems();
        employers.MapPut("/{id:guid}", async (Guid id, EmployerInput input, Features.Employers update, ActorAccessor actors, CancellationToken ct) =>
                await update.UpdateAsync(EmployerId.From(id), input, await actors.GetAsync(ct), ct))
            .WithName("UpdateEmployer").WithSummary("Modifier la fiche d'un employeur (service paie)").ProducesProblems();
        employers.MapPost("/{id:guid}/status", async (Guid id, StatusInput input, Features.Employers update, ActorAccessor actors, CancellationToken ct) =>
                await update.SetStatusAsync(EmployerId.From(id), input.Active, await actors.GetAsync(ct), ct))
            .WithName("SetEmployerStatus").WithSummary("Rendre un employeur actif ou inactif (service paie)").ProducesProblems();
        employers.MapPost("/{id:guid}/users", async (Guid id, LinkUserInput input, Features.Employers link, ActorAccessor actors, CancellationToken ct) =>
            {
                await link.LinkUserAsync(EmployerId.From(id), input.Email, await actors.GetAsync(ct), ct);
                return Results.NoContent();
            })
            .WithName("LinkEmployerUser").WithSummary("Un compte au rôle Employeur agit pour cet employeur (service paie)").ProducesProblems();
        employers.MapPost("/{id:guid}/mandates", async (Guid id, MandateInput input, Features.Employers sign, ActorAccessor actors, CancellationToken ct) =>
                await sign.SignMandateAsync(EmployerId.From(id), input, await actors.GetAsync(ct), ct))
            .WithName("SignMandate").WithSummary("Enregistrer un mandat partiel ou complet signé à une date (service paie)").ProducesProblems();
        employers.MapPost("/{id:guid}/mandates/termination", async (Guid id, TerminationInput input, Features.Employers terminate, ActorAccessor actors, CancellationToken ct) =>
                await terminate.TerminateMandateAsync(EmployerId.From(id), input, await actors.GetAsync(ct), ct))
            .WithName("TerminateMandate").WithSummary("Résilier le mandat en cours à son dernier jour (par défaut le 31 décembre : pas de renouvellement)").ProducesProblems();
        employers.MapGet("/{id:guid}/mandates/{mandate:guid}.pdf", async (Guid id, Guid mandate, Features.Employers documents, ActorAccessor actors, CancellationToken ct) =>
            {
                var (name, content) = await documents.MandatePdfAsync(EmployerId.From(id), mandate, await actors.GetAsync(ct), ct);
                return Results.File(content, "application/pdf", name);
            })
            .WithName("MandatePdf").WithSummary("Le mandat en PDF, avec ses périodes").ProducesProblems();

        employers.MapGet("/{id:guid}/contracts", async (Guid id, int? page, int? size, StaffContracts list, ActorAccessor actors, CancellationToken ct) =>
                await list.ListAsync(EmployerId.From(id), new PageRequest(page, size), await actors.GetAsync(ct), ct))
            .WithName("ListStaffContracts").WithSummary("Les contrats du personnel d'un employeur").ProducesProblems();
        employers.MapPost("/{id:guid}/contracts", async (Guid id, StaffContractInput input, StaffContracts submit, ActorAccessor actors, CancellationToken ct) =>
            {
                var contract = await submit.SubmitAsync(EmployerId.From(id), input, await actors.GetAsync(ct), ct);
                return Results.Created($"/api/v1/employers/{id}/contracts", contract);
            })
            .WithName("SubmitStaffContract").WithSummary("Soumettre un contrat (l'employeur ou le service paie) : mandat, DPAE avant le début, SMIC et chevauchements vérifiés").ProducesProblems();
        employers.MapPost("/{id:guid}/contracts.csv", async (Guid id, HttpRequest request, StaffContracts import, ActorAccessor actors, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                await import.RequireSubmitterAsync(EmployerId.From(id), actor, ct);
                var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : null;
                var file = form?.Files.GetFile("file")
                    ?? throw new Kernel.InputValidationException(new Dictionary<string, string[]> { ["file"] = ["Joignez le fichier CSV des contrats (champ « file »)."] });
                await using var stream = file.OpenReadStream();
                var result = await import.ImportCsvAsync(EmployerId.From(id), stream, actor, ct);
                return Results.Created($"/api/v1/employers/{id}/contracts", result);
            })
            .DisableAntiforgery()
            .WithName("ImportStaffContracts").WithSummary("Importer des contrats en CSV (modèle : contracts-template.csv) : tout ou rien, chaque ligne fautive signalée par son numéro").ProducesProblems();
        employers.MapGet("/{id:guid}/contracts/{contract:guid}.pdf", async (Guid id, Guid contract, StaffContracts documents, ActorAccessor actors, CancellationToken ct) =>
            {
                var (name, content) = await documents.PdfAsync(EmployerId.From(id), contract, await actors.GetAsync(ct), ct);
                return Results.File(content, "application/pdf", name);
            })
            .WithName("StaffContractPdf").WithSummary("Le contrat (CDD ou CDDU) en PDF, avec ses clauses obligatoires").ProducesProblems();
        employers.MapGet("/{id:guid}/contracts/{contract:guid}/certificate.pdf", async (Guid id, Guid contract, StaffDeclarations documents, ActorAccessor actors, CancellationToken ct) =>
            {
                var (name, content) = await documents.CertificatePdfAsync(EmployerId.From(id), contract, await actors.GetAsync(ct), ct);
                return Results.File(content, "application/pdf", name);
            })
            .WithName("StaffCertificatePdf").WithSummary("L'attestation employeur du contrat (AEM d'un intermittent), une fois ses bulletins validés").ProducesProblems();
        employers.MapGet("/{id:guid}/dsn", async (Guid id, string? month, bool? test, StaffDeclarations declarations, ActorAccessor actors, CancellationToken ct) =>
            {
                var dsn = await declarations.DsnAsync(EmployerId.From(id), month, test ?? false, await actors.GetAsync(ct), ct);
                return Results.File(dsn.Content, dsn.ContentType, dsn.FileName);
            })
            .WithName("EmployerDsn").WithSummary("La DSN mensuelle de l'employeur (mandat complet), au format NEODeS, depuis les bulletins validés du mois (month=AAAA-MM, test=true pour un envoi d'essai)").ProducesProblems();
        api.MapGet("/employers/contracts-template.csv", () => Results.File(StaffContracts.Template(), "text/csv; charset=utf-8", "modele-contrats.csv"))
            .WithTags("Gestion de contrats").WithName("StaffContractsTemplate").WithSummary("Le modèle du fichier CSV des contrats");

        var payslips = api.MapGroup("/employer-payslips").WithTags("Gestion de contrats");
        payslips.MapGet("/", async (Guid? employer, string? status, int? page, int? size, StaffPayroll list, ActorAccessor actors, CancellationToken ct) =>
                await list.ListAsync(employer is { } e ? EmployerId.From(e) : null, status, new PageRequest(page, size), await actors.GetAsync(ct), ct))
            .WithName("ListStaffPayslips").WithSummary("Les bulletins du personnel des employeurs (un employeur : les siens)").ProducesProblems();
        payslips.MapGet("/{id:guid}", async (Guid id, StaffPayroll find, ActorAccessor actors, CancellationToken ct) => await find.FindAsync(id, await actors.GetAsync(ct), ct))
            .WithName("GetStaffPayslip").WithSummary("Un bulletin du personnel d'un employeur").ProducesProblems();
        payslips.MapPost("/{id:guid}/validation", async (Guid id, StaffPayroll validate, ActorAccessor actors, CancellationToken ct) =>
                await validate.ValidateAsync(id, await actors.GetAsync(ct), ct))
            .WithName("ValidateStaffPayslip").WithSummary("Valider un bulletin (service paie) : l'avance à l'employeur est comptabilisée").ProducesProblems();
        payslips.MapGet("/{id:guid}/pdf", async (Guid id, StaffPayroll documents, ActorAccessor actors, CancellationToken ct) =>
            {
                var (name, content) = await documents.PdfAsync(id, await actors.GetAsync(ct), ct);
                return Results.File(content, "application/pdf", name);
            })
            .WithName("StaffPayslipPdf").WithSummary("Le bulletin de paie en PDF (bulletin clarifié), l'employeur comme employeur").ProducesProblems();

        employers.MapPost("/{id:guid}/invoices", async (Guid id, EmployerInvoiceInput input, EmployerInvoices issue, ActorAccessor actors, CancellationToken ct) =>
            {
                var invoice = await issue.IssueAsync(EmployerId.From(id), input, await actors.GetAsync(ct), ct);
                return Results.Created($"/api/v1/employer-invoices/{invoice.Id}", invoice);
            })
            .WithName("IssueEmployerInvoice").WithSummary("Émettre la facture unique d'une période de paie (service paie) : salaires nets, cotisations (mandat complet), frais avancés, frais de gestion et TVA").ProducesProblems();
        var invoices = api.MapGroup("/employer-invoices").WithTags("Gestion de contrats");
        invoices.MapGet("/", async (Guid? employer, int? page, int? size, EmployerInvoices list, ActorAccessor actors, CancellationToken ct) =>
                await list.ListAsync(employer is { } e ? EmployerId.From(e) : null, new PageRequest(page, size), await actors.GetAsync(ct), ct))
            .WithName("ListEmployerInvoices").WithSummary("Les factures de gestion de contrats (un employeur : les siennes)").ProducesProblems();
        invoices.MapGet("/exposure", async (EmployerInvoices exposure, ActorAccessor actors, CancellationToken ct) => await exposure.ExposureAsync(await actors.GetAsync(ct), ct))
            .WithName("EmployerExposure").WithSummary("L'exposition par employeur : avancé non facturé, facturé non payé, au-delà du plafond signalé (personnel de la coopérative)").ProducesProblems();
        invoices.MapGet("/{id:guid}", async (Guid id, EmployerInvoices find, ActorAccessor actors, CancellationToken ct) => await find.FindAsync(id, await actors.GetAsync(ct), ct))
            .WithName("GetEmployerInvoice").WithSummary("Une facture de gestion de contrats").ProducesProblems();
        invoices.MapGet("/{id:guid}/pdf", async (Guid id, EmployerInvoices documents, ActorAccessor actors, CancellationToken ct) =>
            {
                var (name, content) = await documents.PdfAsync(id, await actors.GetAsync(ct), ct);
                return Results.File(content, "application/pdf", name);
            })
            .WithName("EmployerInvoicePdf").WithSummary("La facture en Factur-X (PDF/A-3, XML CII EN 16931)").ProducesProblems();
        invoices.MapPost("/{id:guid}/payments", async (Guid id, EmployerPaymentInput input, EmployerInvoices pay, ActorAccessor actors, CancellationToken ct) =>
                await pay.RecordPaymentAsync(id, input, await actors.GetAsync(ct), ct))
            .WithName("RecordEmployerPayment").WithSummary("Enregistrer le règlement d'un employeur (finance)").ProducesProblems();
        invoices.MapPost("/{id:guid}/credit-note", async (Guid id, EmployerCreditInput input, EmployerInvoices credit, ActorAccessor actors, CancellationToken ct) =>
            {
                var note = await credit.CreditAsync(id, input, await actors.GetAsync(ct), ct);
                return Results.Created($"/api/v1/employer-invoices/{note.Id}", note);
            })
            .WithName("CreditEmployerInvoice").WithSummary("Annuler une facture impayée par un avoir du même montant (service paie) : écriture extournée, bulletins à refacturer").ProducesProblems();
    }
}
