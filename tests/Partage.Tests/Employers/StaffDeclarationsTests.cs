using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Employers.Features;
using Partage.App.Modules.Payroll;
using Partage.App.Modules.Payroll.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Payroll;
using Partage.Persistence;
using Partage.Tests.Infrastructure;

namespace Partage.Tests.Employers;

/// <summary>The DSN the cooperative makes under a complete mandate, and the employment certificates at the end of the staff's contracts, on SQLite and PostgreSQL. The class's clock only moves forward.</summary>
public abstract class StaffDeclarationsTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PartageFactory
{
    /// <summary>
    /// Payroll staff keep the employer's file for the deposit as they keep the entities' own: numbered apart from them, due by the
    /// employer's headcount, an "annule et remplace" once deposited; the employer downloads theirs but does not keep it.
    /// </summary>
    private async Task KeptAndReplacedAsync(World world, HttpClient employer)
    {
        using var notTheirs = await employer.PostAsJsonAsync($"/api/v1/employers/{world.LilleEmployer}/dsn-filings", new { Month = "2026-12" });
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        using var staff = await factory.ClientForAsync(World.Payroll);
        async Task<JsonElement> KeepAsync()
        {
            using var kept = await staff.PostAsJsonAsync($"/api/v1/employers/{world.LilleEmployer}/dsn-filings", new { Month = "2026-12" });
            Assert.Equal(HttpStatusCode.Created, kept.StatusCode);
            return JsonDocument.Parse(await kept.Content.ReadAsStringAsync()).RootElement.Clone();
        }

        using var badMonth = await staff.PostAsJsonAsync($"/api/v1/employers/{world.LilleEmployer}/dsn-filings", new { Month = "décembre" });
        Assert.Equal(HttpStatusCode.BadRequest, badMonth.StatusCode);
        var entityFilings = (await staff.GetFromJsonAsync<JsonElement>("/api/v1/payroll/dsn-filings?entity=LNA&month=2026-12")).GetArrayLength();
        var first = await KeepAsync();
        var headcount = (await factory.InScopeAsync(s => s.GetRequiredService<GetEmployer>().HandleAsync(world.LilleEmployer, Actor.System))).Headcount;
        Assert.Equal((1, "01", world.LilleEmployer.Value.ToString()), (first.GetProperty("ordinal").GetInt32(), first.GetProperty("type").GetString(), first.GetProperty("employerId").GetString()));
        Assert.Equal(new DateOnly(2027, 1, headcount >= 50 ? 5 : 15), DateOnly.Parse(first.GetProperty("deadline").GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal(entityFilings, (await staff.GetFromJsonAsync<JsonElement>("/api/v1/payroll/dsn-filings?entity=LNA&month=2026-12")).GetArrayLength());   // numbered apart

        using var sent = await staff.PostAsJsonAsync($"/api/v1/payroll/dsn-filings/{first.GetProperty("id").GetString()}/sent", new { DepositReference = "NE-EMP-2026-12" });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var replacement = await KeepAsync();
        Assert.Equal((2, "03"), (replacement.GetProperty("ordinal").GetInt32(), replacement.GetProperty("type").GetString()));
        var bytes = await staff.GetByteArrayAsync($"/api/v1/payroll/dsn-filings/{replacement.GetProperty("id").GetString()}/file");
        var text = Encoding.Latin1.GetString(bytes);
        Assert.Contains("S20.G00.05.002,'03'", text, StringComparison.Ordinal);
        Assert.Contains("S20.G00.05.004,'20261202'", text, StringComparison.Ordinal);
        Assert.Contains("S21.G00.06.001,'800123457'", text, StringComparison.Ordinal);   // the employer's SIREN, declared by the cooperative
        Assert.Empty(Payroll.DsnChecker.Check(bytes));
        var listed = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/employers/{world.LilleEmployer}/dsn-filings");
        Assert.Equal(["Built", "Sent"], listed.EnumerateArray().Select(f => f.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await employer.GetAsync($"/api/v1/employers/{world.LilleEmployer}/dsn-filings")).StatusCode);
    }

    [Fact]
    public async Task DsnOfTheMonth_FromValidatedPayslips_AndCertificatesAtTheEnd()
    {
        var world = await Ledger.Books.OpenAsync(factory);
        await EmployerTests.LilleMandateAsync(factory, world);
        var employerActor = await factory.ActorAsync(World.Employer);
        var payroll = await factory.ActorAsync(World.Payroll);
        var csv = string.Join("\n", string.Join(";", [.. ImportStaffContracts.Columns, .. ImportStaffContracts.OptionalColumns]),
            StaffPayrollTests.Line("MARTIN", StaffPayrollTests.Nir(61), "2026-12-02", "2026-12-03", cachets: "2", gross: "600,00"),
            $"PETIT;Sam;{StaffPayrollTests.Nir(62)};1990-05-06;FR7630006000011234567890189;regime_general;non;Technicien;Festival du Nord;2026-12-07;2026-12-11;35;;700,00;");
        var imported = await factory.InScopeAsync(s => s.GetRequiredService<ImportStaffContracts>().HandleAsync(world.LilleEmployer, new MemoryStream(Encoding.UTF8.GetBytes(csv)), employerActor));
        var artist = imported.Contracts.Single(c => c.Kind == EmployeeKind.IntermittentArtist);
        var technician = imported.Contracts.Single(c => c.Kind == EmployeeKind.RegimeGeneral);

        factory.Clock.Advance(TimeSpan.FromDays(16));   // 2026-12-12
        Assert.Equal(2, (await factory.InScopeAsync(s => s.GetRequiredService<RunPayroll>().HandleAsync(new DateOnly(2026, 12, 12), Actor.System))).Computed);
        var waiting = await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<GetStaffDsn>().HandleAsync(world.LilleEmployer, "2026-12", false, payroll)));
        Assert.Contains("bulletin(s) de 2026-12 ne sont pas encore validés", waiting.Message, StringComparison.Ordinal);
        var early = await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<GetStaffCertificatePdf>().HandleAsync(world.LilleEmployer, artist.Id, payroll)));
        Assert.Contains("une fois tous ses bulletins validés", early.Message, StringComparison.Ordinal);
        var listed = await factory.InScopeAsync(s => s.GetRequiredService<ListStaffContracts>().HandleAsync(world.LilleEmployer, new App.Infrastructure.PageRequest(1, 50), payroll));
        Assert.False(listed.Items.Single(c => c.Id == artist.Id).Certifiable);

        var payslips = (await factory.InScopeAsync(s => s.GetRequiredService<ListStaffPayslips>().HandleAsync(world.LilleEmployer, "Computed", new App.Infrastructure.PageRequest(1, 50), payroll))).Items
            .Where(p => p.ContractId == artist.Id || p.ContractId == technician.Id).ToList();
        Assert.Equal(2, payslips.Count);
        foreach (var payslip in payslips)
        {
            await factory.InScopeAsync(s => s.GetRequiredService<ValidateStaffPayslip>().HandleAsync(payslip.Id, payroll));
        }

        // Every payslip of the month is validated (other tests' ones too): the employer downloads its DSN.
        foreach (var other in (await factory.InScopeAsync(s => s.GetRequiredService<ListStaffPayslips>().HandleAsync(world.LilleEmployer, "Computed", new App.Infrastructure.PageRequest(1, 100), payroll))).Items)
        {
            await factory.InScopeAsync(s => s.GetRequiredService<ValidateStaffPayslip>().HandleAsync(other.Id, payroll));
        }

        // Sam Petit was hired without a town of birth: the DSN refuses, naming him, until payroll staff complete it.
        using var employer = await factory.ClientForAsync(World.Employer);
        var refused = await employer.GetAsync($"/api/v1/employers/{world.LilleEmployer}/dsn?month=2026-12&test=true");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("complétez la fiche de : ", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Sam PETIT", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await CompleteBirthplacesAsync(world);
        var response = await employer.GetAsync($"/api/v1/employers/{world.LilleEmployer}/dsn?month=2026-12&test=true");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("iso-8859-1", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("dsn-80012345700015-2026-12-essai.dsn", response.Content.Headers.ContentDisposition?.FileName);
        var lines = Encoding.Latin1.GetString(await response.Content.ReadAsByteArrayAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(l => (Rubric: l[..14], Value: l[16..^1])).ToList();
        Assert.Equal("01", lines.Single(l => l.Rubric == "S10.G00.00.005").Value);
        Assert.Equal("01122026", lines.Single(l => l.Rubric == "S20.G00.05.005").Value);
        Assert.Equal(("800123457", "00015"), (lines.Single(l => l.Rubric == "S21.G00.06.001").Value, lines.Single(l => l.Rubric == "S21.G00.06.002").Value));
        var individuals = lines.Where(l => l.Rubric == "S21.G00.30.001").Select(l => l.Value).ToList();
        Assert.Contains(StaffPayrollTests.Nir(61)[..13], individuals);
        Assert.Contains(StaffPayrollTests.Nir(62)[..13], individuals);
        Assert.Contains((Rubric: "S21.G00.40.009", Value: artist.Number), lines);
        Assert.Contains((Rubric: "S21.G00.40.009", Value: technician.Number), lines);
        Assert.Equal(lines.Count.ToString(CultureInfo.InvariantCulture), lines.Single(l => l.Rubric == "S90.G00.90.001").Value);

        // What the file declares for these two payslips, each in its person's blocks (one payment, numbered 01): their net paid, their contributions less those declared elsewhere, the contract's end.
        foreach (var payslip in payslips)
        {
            var nir = StaffPayrollTests.Nir(payslip.ContractId == artist.Id ? 61 : 62)[..13];
            var start = lines.IndexOf((Rubric: "S21.G00.30.001", Value: nir));
            var end = lines.FindIndex(start + 1, l => l.Rubric is "S21.G00.30.001" or "S90.G00.90.001");
            var person = lines.Skip(start).Take(end - start).ToList();
            Assert.Contains((Rubric: "S21.G00.40.009", Value: payslip.ContractNumber), person);
            Assert.Equal("01", person.Single(l => l.Rubric == "S21.G00.50.003").Value);
            Assert.Equal(payslip.NetPaid.Amount.ToString("0.00", CultureInfo.InvariantCulture), person.Single(l => l.Rubric == "S21.G00.50.004").Value);
            var declared = person.Where(l => l.Rubric == "S21.G00.81.004").Sum(l => decimal.Parse(l.Value, CultureInfo.InvariantCulture));
            var result = await factory.InScopeAsync(async s => JsonSerializer.Deserialize<PayrollResult>(
                (await s.GetRequiredService<Partage.Persistence.PartageDbContext>().Set<App.Modules.Employers.StaffPayslip>().FindAsync(payslip.Id))!.ResultJson, PayrollJson.Options)!);
            var leftOut = result.Lines.Where(l => DsnFile.NotDeclared.Contains(l.Code)).Sum(l => l.EmployeeAmount + l.EmployerAmount);
            Assert.Equal(result.TotalEmployee + result.TotalEmployer - result.TotalReductions - leftOut, declared);
            Assert.Contains((Rubric: "S21.G00.62.002", Value: "031"), person);
            Assert.Equal(payslip.ContractId == artist.Id ? "Lille" : "Tourcoing", person.Single(l => l.Rubric == "S21.G00.30.007").Value);
        }

        var file = Path.Combine(Invoicing.InvoiceTests.ArtifactsFolder, $"dsn-employer-{factory.Provider}.dsn");
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        var problems = Payroll.DsnChecker.Check(await response.Content.ReadAsByteArrayAsync());
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        await KeptAndReplacedAsync(world, employer);

        // Certificates: the AEM of the artist (cachets counted 12 hours), the France Travail certificate of the technician.
        var (aemName, aem) = await factory.InScopeAsync(s => s.GetRequiredService<GetStaffCertificatePdf>().HandleAsync(world.LilleEmployer, artist.Id, employerActor));
        var aemText = await StaffDocuments.PdfTextAsync(aemName, aem);
        foreach (var expected in new[] { "Attestation d'employeur mensuelle (AEM)", "MARTIN Alex", Nir.Parse(StaffPayrollTests.Nir(61)).Formatted, "mandat complet",
            "CDD d'usage", "Motif de fin : fin de contrat à durée déterminée", "un cachet comptant pour 12 heures", "600,00" })
        {
            Assert.Contains(expected, aemText, StringComparison.Ordinal);
        }

        Assert.Matches(@"2026-12 02–03/12 2 24 600,00 € 600,00 €", aemText);
        var (rgName, rg) = await factory.InScopeAsync(s => s.GetRequiredService<GetStaffCertificatePdf>().HandleAsync(world.LilleEmployer, technician.Id, payroll));
        var rgText = await StaffDocuments.PdfTextAsync(rgName, rg);
        Assert.Contains("Attestation employeur destinée à France Travail", rgText, StringComparison.Ordinal);
        Assert.Matches(@"2026-12 07–11/12 35 35 847,00 € 847,00 €", rgText);   // 700 € of pay, 70 € for the end of the CDD, 77 € of paid leave (L1243-8, L1242-16)
        listed = await factory.InScopeAsync(s => s.GetRequiredService<ListStaffContracts>().HandleAsync(world.LilleEmployer, new App.Infrastructure.PageRequest(1, 50), payroll));
        Assert.True(listed.Items.Single(c => c.Id == artist.Id).Certifiable);

        // Another employer sees neither; a bad month is a 400; a month with nothing paid is declared "néant".
        using var paris = await factory.ClientForAsync(World.ParisEmployerEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await paris.GetAsync($"/api/v1/employers/{world.LilleEmployer}/dsn?month=2026-12")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await paris.GetAsync($"/api/v1/employers/{world.LilleEmployer}/contracts/{artist.Id}/certificate.pdf")).StatusCode);
        var bad = await employer.GetAsync($"/api/v1/employers/{world.LilleEmployer}/dsn?month=2026-13");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("AAAA-MM", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var nothing = await employer.GetStringAsync($"/api/v1/employers/{world.LilleEmployer}/dsn?month=2026-11");
        Assert.Contains("S20.G00.05.002,'02'", nothing, StringComparison.Ordinal);
    }

    /// <summary>Payroll staff complete every town of birth missing on the employer's staff list, after a refused correction.</summary>
    private async Task CompleteBirthplacesAsync(World world)
    {
        using var payroll = await factory.ClientForAsync(World.Payroll);
        var staff = JsonDocument.Parse(await payroll.GetStringAsync($"/api/v1/employers/{world.LilleEmployer}/staff")).RootElement.EnumerateArray().ToList();
        var missing = staff.Where(p => p.GetProperty("missing").GetBoolean()).Select(p => p.GetProperty("id").GetString()).ToList();
        Assert.Contains(staff, p => p.GetProperty("fullName").GetString() == "Sam PETIT" && p.GetProperty("missing").GetBoolean());
        Assert.DoesNotContain(staff, p => p.GetProperty("fullName").GetString() == "Alex MARTIN" && p.GetProperty("missing").GetBoolean());   // given in the file
        var wrong = await payroll.PutAsJsonAsync($"/api/v1/employers/{world.LilleEmployer}/staff/{missing[0]}/birthplace", new { BirthPlace = "Lille", BirthCountry = "BE" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("indique une naissance en France", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The same on the page: the people to complete first, the form's message next to its field.
        using var browser = await factory.SignedInBrowserAsync(World.Payroll);
        var page = await browser.GetStringAsync($"/employeurs/{world.LilleEmployer}/salaries");
        Assert.Contains("à compléter", page, StringComparison.Ordinal);
        var fields = BrowserForms.HiddenFields(System.Text.RegularExpressions.Regex.Match(page, "<form method=\"post\" class=\"stack\".*?</form>", System.Text.RegularExpressions.RegexOptions.Singleline).Value);
        fields["Input.StaffMemberId"] = missing[0]!;
        fields["Input.BirthPlace"] = "Lille";
        fields["Input.BirthCountry"] = "ZZ";
        var refusedForm = await browser.PostAsync($"/employeurs/{world.LilleEmployer}/salaries", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, refusedForm.StatusCode);
        Assert.Contains("Pays de naissance inconnu : « ZZ »", System.Net.WebUtility.HtmlDecode(await refusedForm.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        foreach (var id in missing)
        {
            var set = await payroll.PutAsJsonAsync($"/api/v1/employers/{world.LilleEmployer}/staff/{id}/birthplace", new { BirthPlace = "Tourcoing" });
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        }

        var audited = await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<App.Modules.Audit.AuditEvent>().CountAsync(e => e.Action == "employers.staff_birthplace_set"));
        Assert.True(audited >= missing.Count);
    }

    [Fact]
    public async Task PartialMandate_NoDsnFromTheCooperative()
    {
        var world = await World.OfAsync(factory);
        var created = await factory.InScopeAsync(s => s.GetRequiredService<App.Modules.Employers.Features.CreateEmployer>().HandleAsync(
            World.NewEmployer(world.Lille, "Compagnie Partielle", TestIdentifiers.Siret(TestIdentifiers.Siren())), Actor.System));
        await factory.InScopeAsync(s => s.GetRequiredService<App.Modules.Employers.Features.SignMandate>().HandleAsync(created.Id, new MandateInput("Partial", "2026-02-01", "Lou"), Actor.System));
        using var client = await factory.ClientForAsync(World.Payroll);
        var response = await client.GetAsync($"/api/v1/employers/{created.Id}/dsn?month=2026-12");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("que sous mandat complet", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }
}

public sealed class SqliteStaffDeclarationsTests(December2026Factory factory) : StaffDeclarationsTests<December2026Factory>(factory);

public sealed class PostgresStaffDeclarationsTests(PostgresDecember2026Factory factory) : StaffDeclarationsTests<PostgresDecember2026Factory>(factory);

/// <summary>Reading back the staff's documents.</summary>
public static class StaffDocuments
{
    /// <summary>A PDF's text as Poppler reads it, its white space collapsed.</summary>
    internal static async Task<string> PdfTextAsync(string name, byte[] pdf)
    {
        Assert.EndsWith(".pdf", name, StringComparison.Ordinal);
        return System.Text.RegularExpressions.Regex.Replace(Poppler.Text(pdf, layout: true), @"\s+", " ");
    }
}
