using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Activities.Features;
using Partage.App.Modules.Invoicing;
using Partage.App.Modules.Invoicing.Features;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Tests.Employers;
using Partage.Tests.Infrastructure;
using static Partage.Tests.Ledger.Books;

namespace Partage.Tests.Invoicing;

/// <summary>When the cooperative produces and sells a show, the organiser signs a contrat de cession made from the quote, naming the producer's licence.</summary>
public class CessionContractTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    /// <summary>The PDF's text on one line, with plain spaces (lines wrap, amounts use narrow no-break spaces).</summary>
    private static string Flat(string text) => System.Text.RegularExpressions.Regex.Replace(text.Replace('\u202F', ' ').Replace('\u00A0', ' '), @"\s+", " ");

    [Fact]
    public async Task ShowQuote_GivesAContratDeCession_WithTheProducersLicence_OtherQuotesDoNot()
    {
        var world = await OpenAsync(factory);
        var client = await Sales.FrenchClientAsync(factory);
        var member = await factory.ActorAsync(World.ParisMemberEmail);
        var quote = await factory.InScopeAsync(s => s.GetRequiredService<CreateQuote>().HandleAsync(
            new QuoteInput(Sales.Draft(world.ParisActivity, client.Id, ("Représentation de « Danse des villes »", "2", "C62", "1200", "FR_2_1")), TestDates.Text(TestDates.Today.AddDays(30))), member));

        var (name, pdf) = await factory.InScopeAsync(s => s.GetRequiredService<GetCessionContractPdf>().HandleAsync(quote.Id, member));
        Assert.Equal($"contrat-de-cession-{quote.Number}.pdf", name);
        var text = Flat(await StaffDocuments.PdfTextAsync(name, pdf));
        Assert.Contains("Contrat de cession du droit d'exploitation d'un spectacle", text, StringComparison.Ordinal);
        Assert.Contains("licence d'entrepreneur de spectacles de catégorie 2 (producteur) n° PLATESV-R-2024-000102", text, StringComparison.Ordinal);
        Assert.Contains(client.Name, text, StringComparison.Ordinal);
        Assert.Contains($"soit {Flat(quote.Gross.ToDisplayString())} TTC", text, StringComparison.Ordinal);
        Assert.Contains("Il est l'employeur des artistes", text, StringComparison.Ordinal);

        // Not a show: a project activity (graphic design) has no contrat de cession; another member's quote is not found.
        var lille = await factory.ActorAsync(World.LilleMemberEmail);
        var project = await factory.InScopeAsync(s => s.GetRequiredService<CreateActivity>().HandleAsync(world.LilleMember,
            new CreateActivityInput("Graphisme", "Affiches", LegalEntitiesReferenceData.Scic.ToString(), BusinessModules.Projects), Actor.System));
        var design = await factory.InScopeAsync(s => s.GetRequiredService<CreateQuote>().HandleAsync(
            new QuoteInput(Sales.Draft(project.Id, client.Id, ("Affiche", "1", "C62", "300", "FR_2_1")), TestDates.Text(TestDates.Today.AddDays(30))), lille));
        var notAShow = await Record.ExceptionAsync(() => factory.InScopeAsync(s => s.GetRequiredService<GetCessionContractPdf>().HandleAsync(design.Id, lille)));
        Assert.Equal(InvoicingErrors.CessionNotAShow, Assert.IsType<DomainException>(notAShow).Error);

        using var other = await factory.ClientForAsync(World.LilleMemberEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/quotes/{quote.Id}/cession-contract.pdf")).StatusCode);
        using var owner = await factory.ClientForAsync(World.ParisMemberEmail);
        using var response = await owner.GetAsync($"/api/v1/quotes/{quote.Id}/cession-contract.pdf");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
    }
}
