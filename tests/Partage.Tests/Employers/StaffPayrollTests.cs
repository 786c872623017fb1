using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Employers;
using Partage.App.Modules.Employers.Features;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Payroll;
using Partage.App.Modules.Payroll.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Payroll;
using Partage.Tests.Infrastructure;

namespace Partage.Tests.Employers;

/// <summary>Contracts an employer submits for its staff, by form or CSV, and their payslips paid with the members' wages.</summary>
public class StaffPayrollTests(December2026Factory factory) : IClassFixture<December2026Factory>
{
    /// <summary>A CSV line of the upload file for a one- or two-day artist engagement.</summary>
    public static string Line(string lastName, string nir, string start, string end, string cachets = "1", string gross = "300,00", string allowances = "", string dfs = "") =>
        $"{lastName};Alex;{nir};1991-02-03;FR7630006000011234567890189;intermittent_artist;non;Musicien;Festival du Nord;{start};{end};;{cachets};{gross};{allowances};{dfs};Lille";

    /// <summary>Valid NIRs of people born in 1991 in the Nord (key computed).</summary>
    public static string Nir(int n)
    {
        var body = $"1910259350{(n % 999) + 1:D3}";   // born in Feb. 1991 in the Nord, commune 350: a NIR whose every part is valid (the DSN checks them)
        return body + (97 - long.Parse(body, System.Globalization.CultureInfo.InvariantCulture) % 97).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static MultipartFormDataContent Upload(params string[] lines)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(string.Join("\r\n", [string.Join(";", [.. ImportStaffContracts.Columns, .. ImportStaffContracts.OptionalColumns]), .. lines])));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, "file", "contrats.csv" } };
    }

    [Fact]
    public async Task CsvUpload_BadLinesReportedByNumber_NothingImported_ThenAGoodFile()
    {
        var world = await World.OfAsync(factory);
        await EmployerTests.LilleMandateAsync(factory, world);
        using var employer = await factory.ClientForAsync(World.Employer);
        var template = await employer.GetStringAsync("/api/v1/employers/contracts-template.csv");
        Assert.StartsWith(string.Join(";", ImportStaffContracts.Columns), template.TrimStart('\uFEFF'), StringComparison.Ordinal);

        var bad = await employer.PostAsync($"/api/v1/employers/{world.LilleEmployer}/contracts.csv", Upload(
            Line("UN", Nir(1), "2026-12-05", "2026-12-05"),
            Line("DEUX", Nir(2), "2026-12-05", "2026-12-05"),
            Line("TROIS", "123", "2026-12-05", "2026-12-05"),
            Line("QUATRE", Nir(4), "2026-12-32", "2026-12-05"),
            Line("CINQ", Nir(5), "2026-11-20", "2026-11-20")));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal(["ligne 4", "ligne 5", "ligne 6"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Contains("ligne 6 : Start : Le contrat et la DPAE précèdent le travail", errors.GetProperty("ligne 6")[0].GetString(), StringComparison.Ordinal);
        var list = JsonDocument.Parse(await employer.GetStringAsync($"/api/v1/employers/{world.LilleEmployer}/contracts")).RootElement;
        Assert.Equal(0, list.GetProperty("total").GetInt32());

        // A file saved by Excel in Windows-1252 is refused, naming the line, never read as garbage; a name never holds a separator.
        var header = string.Join(";", [.. ImportStaffContracts.Columns, .. ImportStaffContracts.OptionalColumns]);
        var latin = new ByteArrayContent(Encoding.Latin1.GetBytes($"{header}\r\n{Line("HÉLÈNE", Nir(1), "2026-12-05", "2026-12-05")}"));
        using var latinFile = new MultipartFormDataContent { { latin, "file", "contrats.csv" } };
        var garbled = await employer.PostAsync($"/api/v1/employers/{world.LilleEmployer}/contracts.csv", latinFile);
        Assert.Equal(HttpStatusCode.BadRequest, garbled.StatusCode);
        Assert.Contains("n'est pas en UTF-8 (ligne 2)", JsonDocument.Parse(await garbled.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        var split = await employer.PostAsync($"/api/v1/employers/{world.LilleEmployer}/contracts.csv", Upload(Line("\"DU;PONT\"", Nir(1), "2026-12-05", "2026-12-05")));
        Assert.Equal(HttpStatusCode.BadRequest, split.StatusCode);
        Assert.Contains("ni point-virgule", await split.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var good = await employer.PostAsync($"/api/v1/employers/{world.LilleEmployer}/contracts.csv", Upload(
            Line("UN", Nir(1), "2026-12-05", "2026-12-05"), Line("DEUX", Nir(2), "2026-12-05", "2026-12-06", cachets: "2", gross: "640,00")));
        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
        Assert.Equal(2, JsonDocument.Parse(await good.Content.ReadAsStringAsync()).RootElement.GetProperty("imported").GetInt32());
        using var payrollClient = await factory.ClientForAsync(World.Payroll);
        var dpae = System.Xml.Linq.XDocument.Parse(Encoding.Latin1.GetString(await payrollClient.GetByteArrayAsync("/api/v1/payroll/dpae.xml?from=2026-11-26&to=2026-11-26")));
        var declared = dpae.Descendants().Where(e => e.Name.LocalName == "FR_DuesGroup").ToList();
        Assert.Equal(2, declared.Count(g => g.Descendants().Any(e => e.Name.LocalName == "FR_Organization.SIRET.Identifier" && e.Value == "80012345700015")));
        Assert.Contains(declared, g => g.Descendants().Any(e => e.Name.LocalName == "FR_NNI.NIR.Identifier" && e.Value == Nir(2)[..13]));

        var overlap = await employer.PostAsync($"/api/v1/employers/{world.LilleEmployer}/contracts.csv", Upload(Line("UN", Nir(1), "2026-12-05", "2026-12-05")));
        Assert.Contains("chevauchent le contrat GC-2026-", await overlap.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Another employer's account can neither read nor submit here.
        using var paris = await factory.ClientForAsync(World.ParisEmployerEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await paris.GetAsync($"/api/v1/employers/{world.LilleEmployer}/contracts")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await paris.PostAsync($"/api/v1/employers/{world.LilleEmployer}/contracts.csv", Upload(Line("SIX", Nir(6), "2026-12-08", "2026-12-08")))).StatusCode);
    }

    [Fact]
    public async Task ContractOutsideTheMandate_Refused()
    {
        var world = await World.OfAsync(factory);
        var payroll = await factory.ActorAsync(World.Payroll);
        var employers = await factory.InScopeAsync(s => s.GetRequiredService<App.Modules.Employers.Features.CreateEmployer>().HandleAsync(
            World.NewEmployer(world.Lille, "Orchestre", TestIdentifiers.Siret(TestIdentifiers.Siren())), payroll));
        var submit = (StaffContractInput input) => factory.InScopeAsync(s => s.GetRequiredService<SubmitStaffContract>().HandleAsync(employers.Id, input, payroll));
        var input = new StaffContractInput("DUPONT", "Lou", Nir(20), "1991-02-03", "FR7630006000011234567890189", "intermittent_technician", "non", "Régisseur", "Concert",
            "2027-01-04", "2027-01-04", "8", null, "200", null);
        var none = await Assert.ThrowsAsync<InputValidationException>(() => submit(input));
        Assert.Contains(EmployersErrors.OutsideMandate.Message, none.Errors["Start"]);
        await factory.InScopeAsync(s => s.GetRequiredService<App.Modules.Employers.Features.SignMandate>().HandleAsync(employers.Id, new MandateInput("Partial", "2026-03-15", "Lou"), payroll));
        await factory.InScopeAsync(s => s.GetRequiredService<App.Modules.Employers.Features.TerminateMandate>().HandleAsync(employers.Id, new TerminationInput("2026-12-31", "Fin"), payroll));
        Assert.Contains(EmployersErrors.OutsideMandate.Message, (await Assert.ThrowsAsync<InputValidationException>(() => submit(input))).Errors["Start"]);
        var inside = await submit(input with { Start = "2026-12-28", End = "2026-12-28" });
        Assert.StartsWith("GC-2026-", inside.Number, StringComparison.Ordinal);
    }
}

/// <summary>From the staff's contracts to their wages paid on day 7 in the same SEPA batch as the members'. The class's clock only moves forward.</summary>
public class StaffWagesTests(December2026Factory factory) : IClassFixture<December2026Factory>
{
    [Fact]
    public async Task Computed_Validated_AdvancePosted_PaidOnDaySevenInTheWageBatch_SepaValid()
    {
        var world = await Ledger.Books.OpenAsync(factory);
        await EmployerTests.LilleMandateAsync(factory, world);
        var employerActor = await factory.ActorAsync(World.Employer);
        var imported = await factory.InScopeAsync(s => s.GetRequiredService<ImportStaffContracts>().HandleAsync(world.LilleEmployer,
            new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", string.Join(";", ImportStaffContracts.Columns),
                StaffPayrollTests.Line("MARTIN", StaffPayrollTests.Nir(31), "2026-12-02", "2026-12-03", cachets: "2", gross: "600,00", allowances: "45,50")))), employerActor));
        var contract = Assert.Single(imported.Contracts);
        var (contractName, contractPdf) = await factory.InScopeAsync(s => s.GetRequiredService<GetStaffContractPdf>().HandleAsync(world.LilleEmployer, contract.Id, employerActor));
        Assert.StartsWith("contrat-", contractName, StringComparison.Ordinal);
        var contractText = Poppler.Text(contractPdf);
        foreach (var clause in new[] { "Contrat de travail à durée déterminée d'usage (CDDU)", "SIRET 80012345700015", "du 02/12/2026 au 03/12/2026", "Congés Spectacles", "IDCC 3090", "600,00" })
        {
            Assert.Contains(clause, contractText, StringComparison.Ordinal);
        }


        factory.Clock.Advance(TimeSpan.FromDays(8));   // 2026-12-04
        var run = await factory.InScopeAsync(s => s.GetRequiredService<RunPayroll>().HandleAsync(new DateOnly(2026, 12, 4), Actor.System));
        Assert.Equal(1, run.Computed);
        var payroll = await factory.ActorAsync(World.Payroll);
        var payslip = Assert.Single((await factory.InScopeAsync(s => s.GetRequiredService<ListStaffPayslips>().HandleAsync(world.LilleEmployer, null, new App.Infrastructure.PageRequest(1, 10), payroll))).Items);
        var expected = PayslipEngine.Compute(new PayrollRequest("2026-12", new Partage.Payroll.EmployerInput(12, 0.0123m, 0, false, true, "3090"),
            new EmployeeInput("intermittent_artist", false, null), new ContractInput("CDDU", new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 3)), new WorkInput(null, 2, 2), 600m),
            ParameterCatalog.Default);
        Assert.Equal(Money.Eur(Rounding.ToCents(expected.EmployerCost)), payslip.EmployerCost);   // the employer's own headcount and AT/MP rate
        Assert.Equal((Money.Eur(4_550), new DateOnly(2026, 12, 10)), (payslip.Allowances, payslip.DueOn));

        var entity = await factory.InScopeAsync(async s => (await s.GetRequiredService<ILegalEntitiesApi>().ListAsync()).First(e => e.Modules.Contains(BusinessModules.ContractManagement)).Id);
        var advancesBefore = await factory.InScopeAsync(s => s.GetRequiredService<ILedgerApi>().BalanceAsync(entity, "467"));
        await factory.InScopeAsync(s => s.GetRequiredService<ValidateStaffPayslip>().HandleAsync(payslip.Id, payroll));
        var advancesAfter = await factory.InScopeAsync(s => s.GetRequiredService<ILedgerApi>().BalanceAsync(entity, "467"));
        Assert.Equal(payslip.EmployerCost + payslip.Allowances, advancesAfter - advancesBefore);   // complete mandate: wages, contributions, tax and allowances advanced

        var (_, pdf) = await factory.InScopeAsync(s => s.GetRequiredService<GetStaffPayslipPdf>().HandleAsync(payslip.Id, employerActor));
        var text = Poppler.Text(pdf);
        Assert.Contains("Employeur : Festival du Nord, SIRET 80012345700015", text, StringComparison.Ordinal);
        Assert.Contains("Frais remboursés (repas, hébergement), hors cotisations : 45,50", text, StringComparison.Ordinal);
        var parisEmployer = await factory.ActorAsync(World.ParisEmployerEmail);
        await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<GetStaffPayslip>().HandleAsync(payslip.Id, parisEmployer)));

        factory.Clock.Advance(TimeSpan.FromDays(6));   // 2026-12-10, pay day
        var payday = await factory.InScopeAsync(s => s.GetRequiredService<RunPayroll>().HandleAsync(new DateOnly(2026, 12, 10), Actor.System));
        Assert.Equal((1, 1, payslip.NetPaid + payslip.Allowances), (payday.Batches, payday.Payments, payday.Total));
        Assert.Equal(0, (await factory.InScopeAsync(s => s.GetRequiredService<RunPayroll>().HandleAsync(new DateOnly(2026, 12, 10), Actor.System))).Payments);
        var batch = Assert.Single((await factory.InScopeAsync(s => s.GetRequiredService<ListWageBatches>().HandleAsync(new App.Infrastructure.PageRequest(1, 50), payroll))).Items, b => b.Status == PaymentBatchStatus.Built);
        await factory.InScopeAsync(s => s.GetRequiredService<ReleaseWageBatch>().HandleAsync(batch.Id, payroll));
        var paid = await factory.InScopeAsync(s => s.GetRequiredService<GetStaffPayslip>().HandleAsync(payslip.Id, employerActor));
        Assert.Equal((StaffPayslipStatus.Paid, new DateOnly(2026, 12, 10)), (paid.Status, paid.PaidOn));

        var (name, sepa) = await factory.InScopeAsync(s => s.GetRequiredService<GetWageBatchSepaFile>().HandleAsync(batch.Id, payroll));
        var file = Path.Combine(Invoicing.InvoiceTests.ArtifactsFolder, $"staff-{name}");   // kept with the run's artifacts
        await File.WriteAllBytesAsync(file, sepa);
        var problems = await Payroll.SepaChecker.CheckAsync(file);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Contains("<Nm>Alex MARTIN</Nm>", Encoding.UTF8.GetString(sepa), StringComparison.Ordinal);
        Assert.Contains($"contrat {contract.Number}", Encoding.UTF8.GetString(sepa), StringComparison.Ordinal);
    }
}

/// <summary>An artist's DFS on the staff's payslips, within its yearly cap across the employer's contracts. The class's clock only moves forward.</summary>
public class StaffDfsTests(December2026Factory factory) : IClassFixture<December2026Factory>
{
    [Fact]
    public async Task MusicianDfs_SocialBaseLowered_CapReachedOnTheSecondContract_RefusedForATechnician()
    {
        var world = await Ledger.Books.OpenAsync(factory);
        await EmployerTests.LilleMandateAsync(factory, world);
        var employerActor = await factory.ActorAsync(World.Employer);
        var refused = await Assert.ThrowsAsync<InputValidationException>(() => factory.InScopeAsync(s => s.GetRequiredService<SubmitStaffContract>().HandleAsync(world.LilleEmployer,
            new StaffContractInput("SON", "Lou", StaffPayrollTests.Nir(70), "1991-02-03", "FR7630006000011234567890189", "intermittent_technician", "non", "Sonorisateur", null,
                "2026-12-02", "2026-12-02", "8", null, "200", null, "musician"), employerActor)));
        Assert.Equal([DfsLabels.Refused], refused.Errors["Dfs"]);

        // A régisseur de théâtre has the musicians' DFS: 16 % in 2026, 200 € → 168 € (above the SMIC of 8 hours, 98.48 €).
        var stageManager = await factory.InScopeAsync(s => s.GetRequiredService<SubmitStaffContract>().HandleAsync(world.LilleEmployer,
            new StaffContractInput("REGIE", "Lou", StaffPayrollTests.Nir(73), "1991-02-03", "FR7630006000011234567890189", "intermittent_technician", "non", "Régisseur", null,
                "2026-12-02", "2026-12-02", "8", null, "200", null, "stage_manager", "Lille"), employerActor));

        var csv = string.Join("\n", string.Join(";", [.. ImportStaffContracts.Columns, .. ImportStaffContracts.OptionalColumns]),
            StaffPayrollTests.Line("VIOLON", StaffPayrollTests.Nir(71), "2026-12-02", "2026-12-03", cachets: "2", gross: "45000,00", dfs: "musician"),
            StaffPayrollTests.Line("VIOLON", StaffPayrollTests.Nir(71), "2026-12-08", "2026-12-08", cachets: "1", gross: "5000,00", dfs: "musician"),
            StaffPayrollTests.Line("ALTO", StaffPayrollTests.Nir(72), "2026-12-02", "2026-12-02", cachets: "1", gross: "500,00"));
        var imported = await factory.InScopeAsync(s => s.GetRequiredService<ImportStaffContracts>().HandleAsync(world.LilleEmployer, new MemoryStream(Encoding.UTF8.GetBytes(csv)), employerActor));
        Assert.Equal(["musician", "musician", null], imported.Contracts.OrderBy(c => c.Number).Select(c => c.Dfs));

        factory.Clock.Advance(TimeSpan.FromDays(13));   // 2026-12-09
        await factory.InScopeAsync(s => s.GetRequiredService<ComputeStaffPayslips>().HandleAsync(new DateOnly(2026, 12, 9), Actor.System));
        var rows = await factory.InScopeAsync(s => s.GetRequiredService<Partage.Persistence.PartageDbContext>().Set<StaffPayslip>().AsNoTracking()
            .Where(p => p.EmployerId == world.LilleEmployer).ToListAsync());
        PayrollResult Result(Guid contract) => JsonSerializer.Deserialize<PayrollResult>(rows.Single(p => p.ContractId == contract).ResultJson, PayrollJson.Options)!;
        var byNumber = imported.Contracts.OrderBy(c => c.Number).ToList();
        Assert.Equal((45_000m, 37_800m), (Result(byNumber[0].Id).Gross, Result(byNumber[0].Id).SocialBase));   // 16 % in 2026: 7,200 deducted
        Assert.Equal((5_000m, 4_600m), (Result(byNumber[1].Id).Gross, Result(byNumber[1].Id).SocialBase));     // 800 due, 400 left under the 7,600 cap
        Assert.Equal(500m, Result(byNumber[2].Id).SocialBase);                                                // no consent, no DFS
        Assert.Equal((200m, 168m), (Result(stageManager.Id).Gross, Result(stageManager.Id).SocialBase));
        var (regieName, regiePdf) = await factory.InScopeAsync(s => s.GetRequiredService<GetStaffContractPdf>().HandleAsync(world.LilleEmployer, stageManager.Id, employerActor));
        Assert.Contains("régisseurs de théâtre", await StaffDocuments.PdfTextAsync(regieName, regiePdf), StringComparison.Ordinal);

        var (name, pdf) = await factory.InScopeAsync(s => s.GetRequiredService<GetStaffContractPdf>().HandleAsync(world.LilleEmployer, byNumber[0].Id, employerActor));
        Assert.Contains("déduction forfaitaire spécifique", await StaffDocuments.PdfTextAsync(name, pdf), StringComparison.Ordinal);
    }
}
