using System.Globalization;
using System.Text.Json;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Infrastructure.Scheduling;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Payroll;

namespace Partage.App.Modules.Payroll;

public sealed record SignatureInput(string? Name);

public sealed record PayrollRunInput(string? Until);

public static class PayrollModule
{
    public static IServiceCollection AddPayroll(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<PayrollEmployerOptions>(configuration.GetSection("Payroll:Employer"))
            .Configure<Features.PayrollOptions>(configuration.GetSection("Payroll"))
            .AddScoped<PayrollParameters>()
            .AddScoped<IPayrollApi, PayrollApi>()
            .AddScoped<MinimumRates>()
            .AddScoped<NotifiedTaxRates>()
            .AddScoped<Features.Jobs>()
            .AddScoped<Features.ContractDocuments>()
            .AddScoped<Features.Payslips>()
            .AddScoped<Features.WagePayments>()
            .AddScheduledWork<Features.PayrollRunWork>(Features.PayrollRunWork.Key, "Paie du jour : bulletins des travaux terminés et lots de virement", "0 0 6 * * ?")
            .AddScoped<PayrollSimulations>();

    public static void MapPayrollEndpoints(RouteGroupBuilder api, RouteGroupBuilder anonymousApi)
    {
        var open = anonymousApi.MapGroup("/payroll").WithTags("Paie");
        open.MapPost("/simulations", async (HttpRequest http, PayrollSimulations simulations, CancellationToken ct) =>
            {
                using var body = await ReadJsonAsync(http, ct);
                if (body.RootElement.ValueKind == JsonValueKind.Array)
                {
                    var results = new List<PayrollResult>();
                    foreach (var item in body.RootElement.EnumerateArray())
                    {
                        results.Add(await simulations.ComputeAsync(Request(item), ct));
                    }

                    return Results.Json(results, PayrollJson.Options);
                }

                return Results.Json(await simulations.ComputeAsync(Request(body.RootElement), ct), PayrollJson.Options);
            })
            .WithName("SimulatePayslip").WithSummary("Calcule un bulletin (ou un tableau de bulletins) selon le contrat JSON du moteur de paie (docs/payroll.md)").ProducesProblems();
        open.MapPost("/simulations/budget", async (HttpRequest http, PayrollSimulations simulations, CancellationToken ct) =>
            {
                using var body = await ReadJsonAsync(http, ct);
                var request = Deserialize<BudgetSimulationRequest>(body.RootElement);
                return Results.Json(await simulations.LargestGrossWithinAsync(request, ct), PayrollJson.Options);
            })
            .WithName("SimulateBudget").WithSummary("Le plus grand brut dont le coût employeur tient dans un budget, au centime").ProducesProblems();
        open.MapPost("/simulations/net", async (NetSimulationInput input, PayrollSimulations simulations, CancellationToken ct) => await simulations.NetAsync(input, ct))
            .WithName("SimulateNet").WithSummary("Si le client paie X € HT, quel net pour le membre ? (contribution, coût employeur, cotisations)").ProducesProblems();

        var staff = api.MapGroup("/payroll").WithTags("Paie");
        var jobs = api.MapGroup("/jobs").WithTags("Emploi");
        jobs.MapGet("/", async (string? status, int? page, int? size, Features.Jobs list, ActorAccessor actors, CancellationToken ct) =>
                await list.ListAsync(status, new Infrastructure.PageRequest(page, size), await actors.GetAsync(ct), ct))
            .WithName("ListJobs").WithSummary("Les travaux et contrats que l'utilisateur peut voir (membre : les siens ; chargé d'accompagnement : son bureau)").ProducesProblems();
        jobs.MapPost("/", async (Features.JobInput input, Features.Jobs declare, ActorAccessor actors, CancellationToken ct) =>
            {
                var job = await declare.DeclareAsync(input, await actors.GetAsync(ct), ct);
                return Results.Created($"/api/v1/jobs/{job.Id}", job);
            })
            .WithName("DeclareJob").WithSummary("Déclarer un travail : budget, minimum, licence et chevauchement vérifiés, contrat établi").ProducesProblems();
        jobs.MapGet("/{id:guid}", async (Guid id, Features.Jobs find, ActorAccessor actors, CancellationToken ct) => await find.FindAsync(JobId.From(id), await actors.GetAsync(ct), ct))
            .WithName("GetJob").WithSummary("Un travail et son contrat").ProducesProblems();
        jobs.MapPost("/{id:guid}/signature", async (Guid id, SignatureInput input, HttpContext http, Features.Jobs sign, ActorAccessor actors, CancellationToken ct) =>
                await sign.SignAsync(JobId.From(id), input.Name, http.Connection.RemoteIpAddress?.ToString(), await actors.GetAsync(ct), ct))
            .WithName("SignContract").WithSummary("Le membre signe son contrat (avant le début)").ProducesProblems();
        jobs.MapPost("/{id:guid}/countersignature", async (Guid id, Features.Jobs countersign, ActorAccessor actors, CancellationToken ct) =>
                await countersign.CountersignAsync(JobId.From(id), await actors.GetAsync(ct), ct))
            .WithName("CountersignContract").WithSummary("La coopérative contre-signe (service paie ou chargé d'accompagnement) : DPAE enregistrée, coût engagé").ProducesProblems();
        jobs.MapGet("/{id:guid}/contract.pdf", async (Guid id, Features.ContractDocuments documents, ActorAccessor actors, CancellationToken ct) =>
            {
                var (name, content) = await documents.ContractPdfAsync(JobId.From(id), await actors.GetAsync(ct), ct);
                return Results.File(content, "application/pdf", name);
            })
            .WithName("ContractPdf").WithSummary("Le contrat en PDF, avec ses signatures").ProducesProblems();
        staff.MapGet("/dpae.csv", async (string? from, string? to, Features.ContractDocuments documents, ActorAccessor actors, HttpContext http, CancellationToken ct) =>
            {
                var v = new Infrastructure.Validation();
                var start = v.Date("from", "La date de début", from, required: true);
                var end = v.Date("to", "La date de fin", to, required: true);
                v.ThrowIfInvalid();
                var actor = await actors.GetAsync(ct);
                PayrollAccess.RequireStaff(actor);
                http.Response.ContentType = "text/csv; charset=utf-8";
                http.Response.Headers.ContentDisposition = $"attachment; filename=dpae-{start:yyyyMMdd}-{end:yyyyMMdd}.csv";
                await documents.DpaeCsvAsync(start!.Value, end!.Value, actor, http.Response.Body, ct);
            })
            .WithName("DpaeExport").WithSummary("Les données DPAE des contrats contre-signés sur une période (CSV, service paie)").ProducesProblems();
        staff.MapGet("/dpae.xml", async (string? from, string? to, bool? test, Features.ContractDocuments documents, ActorAccessor actors, CancellationToken ct) =>
            {
                var v = new Infrastructure.Validation();
                var start = v.Date("from", "La date de début", from, required: true);
                var end = v.Date("to", "La date de fin", to, required: true);
                v.ThrowIfInvalid();
                using var output = new MemoryStream();
                await documents.DpaeXmlAsync(start!.Value, end!.Value, test ?? false, await actors.GetAsync(ct), output, ct);
                return Results.File(output.ToArray(), "application/xml; charset=iso-8859-1", $"dpae-{start:yyyyMMdd}-{end:yyyyMMdd}.xml");
            })
            .WithName("DpaeUpload").WithSummary("Le fichier de dépôt DPAE (FR_DUE_Upload, 100 déclarations au plus) des contrats contre-signés sur une période ; test=true pour un dépôt d'essai").ProducesProblems();
        var payslips = api.MapGroup("/payslips").WithTags("Paie");
        payslips.MapGet("/", async (string? status, int? page, int? size, Features.Payslips list, ActorAccessor actors, CancellationToken ct) =>
                await list.ListAsync(status, new Infrastructure.PageRequest(page, size), await actors.GetAsync(ct), ct))
            .WithName("ListPayslips").WithSummary("Les bulletins que l'utilisateur peut voir (membre : les siens)").ProducesProblems();
        payslips.MapGet("/{id:guid}", async (Guid id, Features.Payslips find, ActorAccessor actors, CancellationToken ct) => await find.FindAsync(PayslipId.From(id), await actors.GetAsync(ct), ct))
            .WithName("GetPayslip").WithSummary("Un bulletin").ProducesProblems();
        payslips.MapGet("/{id:guid}/pdf", async (Guid id, Features.Payslips pdf, ActorAccessor actors, CancellationToken ct) =>
            {
                var (name, content) = await pdf.PdfAsync(PayslipId.From(id), await actors.GetAsync(ct), ct);
                return Results.File(content, "application/pdf", name);
            })
            .WithName("PayslipPdf").WithSummary("Le bulletin de paie clarifié en PDF").ProducesProblems();
        payslips.MapPost("/{id:guid}/validation", async (Guid id, Features.Payslips validate, ActorAccessor actors, CancellationToken ct) =>
                await validate.ValidateAsync(PayslipId.From(id), await actors.GetAsync(ct), ct))
            .WithName("ValidatePayslip").WithSummary("Valider un bulletin : écriture de paie passée, engagement levé (service paie)").ProducesProblems();
        staff.MapPost("/runs", async (PayrollRunInput input, Features.WagePayments payments, ActorAccessor actors, TimeProvider clock, CancellationToken ct) =>
            {
                var v = new Infrastructure.Validation();
                var until = v.Date("until", "La date", input.Until, required: false) ?? clock.Today();
                v.ThrowIfInvalid();
                return await payments.RunAsync(until, await actors.GetAsync(ct), ct);
            })
            .WithName("PayrollRun").WithSummary("Calcule les bulletins des travaux terminés et prépare les lots de virement des salaires dus (relançable sans effet)").ProducesProblems();
        staff.MapGet("/batches", async (Features.WagePayments payments, ActorAccessor actors, CancellationToken ct) => await payments.ListAsync(await actors.GetAsync(ct), ct))
            .WithName("PaymentBatches").WithSummary("Les lots de virement des salaires").ProducesProblems();
        staff.MapPost("/batches/{id:guid}/release", async (Guid id, Features.WagePayments payments, ActorAccessor actors, CancellationToken ct) =>
                await payments.ReleaseAsync(id, await actors.GetAsync(ct), ct))
            .WithName("ReleaseBatch").WithSummary("Libérer un lot : paiement comptabilisé, fichier SEPA disponible").ProducesProblems();
        staff.MapGet("/batches/{id:guid}/sepa.xml", async (Guid id, Features.WagePayments payments, ActorAccessor actors, CancellationToken ct) =>
            {
                var (name, content) = await payments.SepaFileAsync(id, await actors.GetAsync(ct), ct);
                return Results.File(content, "application/xml", name);
            })
            .WithName("BatchSepaFile").WithSummary("Le virement SEPA (pain.001.001.09) d'un lot libéré").ProducesProblems();
        staff.MapGet("/contributions", async (string? from, string? to, Features.Payslips summary, ActorAccessor actors, CancellationToken ct) =>
                await summary.ContributionsAsync(from, to, await actors.GetAsync(ct), ct))
            .WithName("ContributionsDue").WithSummary("Cotisations dues par organisme sur une période (mois AAAA-MM)").ProducesProblems();
        staff.MapGet("/contributions.csv", async (string? from, string? to, Features.Payslips summary, ActorAccessor actors, CancellationToken ct) =>
                Results.File(await summary.ContributionsCsvAsync(from, to, await actors.GetAsync(ct), ct), "text/csv; charset=utf-8", $"cotisations-{from}-{to}.csv"))
            .WithName("ContributionsDueCsv").WithSummary("Les mêmes en CSV").ProducesProblems();
        staff.MapGet("/tax-rates", async (Guid? member, NotifiedTaxRates rates, ActorAccessor actors, CancellationToken ct) =>
                await rates.ListAsync(MemberId.From(member ?? Guid.Empty), await actors.GetAsync(ct), ct))
            .WithName("NotifiedTaxRates").WithSummary("Les taux de prélèvement à la source transmis pour un membre (service paie)").ProducesProblems();
        staff.MapPost("/tax-rates", async (NotifiedTaxRateInput input, NotifiedTaxRates rates, ActorAccessor actors, CancellationToken ct) =>
            {
                var added = await rates.AddAsync(input, await actors.GetAsync(ct), ct);
                return Results.Created($"/api/v1/payroll/tax-rates?member={added.MemberId}", added);
            })
            .WithName("AddNotifiedTaxRate").WithSummary("Taux de prélèvement transmis par l'administration fiscale pour un membre, à partir d'une date").ProducesProblems();
        staff.MapGet("/minimum-rates", async (MinimumRates minimums, ActorAccessor actors, CancellationToken ct) => await minimums.ListAsync(await actors.GetAsync(ct), ct))
            .WithName("MinimumRates").WithSummary("Les minima conventionnels datés (par convention, métier et unité)").ProducesProblems();
        staff.MapPost("/minimum-rates", async (NewMinimumRateInput input, MinimumRates minimums, ActorAccessor actors, CancellationToken ct) =>
            {
                var added = await minimums.AddAsync(input, await actors.GetAsync(ct), ct);
                return Results.Created("/api/v1/payroll/minimum-rates", added);
            })
            .WithName("AddMinimumRate").WithSummary("Nouveau minimum conventionnel à partir d'une date (service paie)").ProducesProblems();
        staff.MapGet("/parameters", async (string? date, PayrollParameters parameters, ActorAccessor actors, TimeProvider clock, CancellationToken ct) =>
            {
                var v = new Validation();
                var on = v.Date("date", "La date", date, required: false) ?? clock.Today();
                v.ThrowIfInvalid();
                return await parameters.InForceAsync(on, await actors.GetAsync(ct), ct);
            })
            .WithName("PayrollParameters").WithSummary("Les paramètres de paie en vigueur à une date, avec leur source (service paie)").ProducesProblems();
        staff.MapPost("/parameters", async (NewSettingInput input, PayrollParameters parameters, ActorAccessor actors, CancellationToken ct) =>
            {
                var added = await parameters.AddAsync(input, await actors.GetAsync(ct), ct);
                return Results.Created($"/api/v1/payroll/parameters?date={added.From:yyyy-MM-dd}", added);
            })
            .WithName("AddPayrollSetting").WithSummary("Nouvelle valeur datée d'un paramètre incertain, d'après un avis de l'organisme (jamais une modification)").ProducesProblems();
    }

    private static PayrollRequest Request(JsonElement element) => Deserialize<PayrollRequest>(element);

    private static T Deserialize<T>(JsonElement element)
        where T : class
    {
        try
        {
            return element.Deserialize<T>(PayrollJson.Options)
                ?? throw new InputValidationException(new Dictionary<string, string[]> { ["body"] = ["La demande est vide."] });
        }
        catch (JsonException e)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { [e.Path ?? "body"] = [$"Valeur invalide : {e.Message}"] });
        }
    }

    private static async Task<JsonDocument> ReadJsonAsync(HttpRequest http, CancellationToken ct)
    {
        try
        {
            return await JsonDocument.ParseAsync(http.Body, cancellationToken: ct);
        }
        catch (JsonException e)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["body"] = [$"Le corps de la requête n'est pas un JSON valide : {e.Message}"] });
        }
    }
}
