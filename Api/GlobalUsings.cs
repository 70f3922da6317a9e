global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.Extensions.Options;
