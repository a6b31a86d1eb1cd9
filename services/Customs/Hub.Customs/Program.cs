using Hub.Customs;
using Hub.Customs.Data;
using Hub.ServiceDefaults;
using Hub.ServiceDefaults.Hosting;

var builder = WebApplication.CreateBuilder(args);
var identity = builder.AddServiceDefaults("customs");
builder.AddCustoms();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapCustomsEndpoints(identity);

return await app.RunAsync<CustomsDbContext>(args);
